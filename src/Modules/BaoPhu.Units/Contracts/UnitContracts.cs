namespace BaoPhu.Units.Contracts;

/// <summary>A unit version as other modules see it.</summary>
public sealed record UnitRef(
    Guid Id, string Code, string Name, string Level, Guid? ParentId, string Path, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record UnitCounts(int Provinces, int Districts, int Communes);

public sealed record LineageEntry(string Code, string Name, string Link);

public sealed record UnitImportResult(int Created, int Ended, int Unchanged, int LinksCreated, int LinksChanged)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ChangedNothing => Created == 0 && Ended == 0 && LinksCreated == 0 && LinksChanged == 0;
}

/// <summary>Imports of unit lists and reorganisations, for hosts and the demo generator.</summary>
public interface IUnitImports
{
    /// <summary>A unit list in the dvhcvn shape, as in force on <paramref name="on"/>.</summary>
    Task<UnitImportResult> ImportUnitListAsync(string file, DateOnly on, CancellationToken cancellationToken);

    /// <summary>A merger: new → old units (JSON) and the new provinces (CSV), taking effect on <paramref name="on"/>.</summary>
    Task<UnitImportResult> ImportMergerAsync(string mergesFile, string provincesFile, DateOnly on, CancellationToken cancellationToken);
}

/// <summary>Looks units up by code and date.</summary>
public interface IUnitDirectory
{
    /// <summary>The unit with this code in force on the date, or null.</summary>
    Task<UnitRef?> FindAsync(string code, DateOnly on, CancellationToken cancellationToken);

    Task<UnitCounts> CountAsync(DateOnly on, CancellationToken cancellationToken);

    /// <summary>Units by id, whatever their dates; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, UnitRef>> GetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The successors of the unit in force on the date with this code, or null when no such unit.</summary>
    Task<IReadOnlyList<LineageEntry>?> SuccessorsAsync(string code, DateOnly on, CancellationToken cancellationToken);
}

/// <summary>Moves counts attached to any units onto the units in force on a date (either way through a reorganisation).</summary>
public interface IUnitLineage
{
    Task<ReattributedCounts> ReattributeAsync(IReadOnlyDictionary<Guid, decimal> counts, DateOnly on, CancellationToken cancellationToken);
}

/// <param name="Counts">Counts on units in force on the date; fractional where a partial link split them.</param>
/// <param name="Unplaced">Counts on units that have no successor or predecessor in force on the date.</param>
public sealed record ReattributedCounts(IReadOnlyDictionary<Guid, decimal> Counts, IReadOnlyDictionary<Guid, decimal> Unplaced);
