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

    /// <summary>Every unit version read once, for importers that resolve many codes on many dates.</summary>
    Task<IUnitCodeResolver> CodeResolverAsync(CancellationToken cancellationToken);

    /// <summary>The units directly under a unit, in force on the date, by code.</summary>
    Task<IReadOnlyList<UnitRef>> ChildrenAsync(Guid parentId, DateOnly on, CancellationToken cancellationToken);

    /// <summary>The unit and its ancestors up to the province, top first.</summary>
    Task<IReadOnlyList<UnitRef>> AncestryAsync(Guid unitId, CancellationToken cancellationToken);

    /// <summary>Units by id, whatever their dates; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, UnitRef>> GetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The successors of the unit in force on the date with this code, or null when no such unit.</summary>
    Task<IReadOnlyList<LineageEntry>?> SuccessorsAsync(string code, DateOnly on, CancellationToken cancellationToken);
}

/// <summary>Resolves unit codes against the units in force on a date, in memory.</summary>
public interface IUnitCodeResolver
{
    /// <summary>The province, district or commune with this code in force on the date, or null.</summary>
    UnitRef? Find(string code, DateOnly on);
}

/// <summary>Moves counts attached to any units onto the units in force on a date (either way through a reorganisation).</summary>
public interface IUnitLineage
{
    Task<ReattributedCounts> ReattributeAsync(IReadOnlyDictionary<Guid, decimal> counts, DateOnly on, CancellationToken cancellationToken);

    /// <summary>The lineage read once, to re-attribute many count sets onto the units in force on the date.</summary>
    Task<ILineageMap> MapOntoAsync(DateOnly on, CancellationToken cancellationToken);

    /// <summary>The dates on which reorganisations took effect, oldest first: the boundaries between unit sets.</summary>
    Task<IReadOnlyList<DateOnly>> ReorganisationDatesAsync(CancellationToken cancellationToken);
}

/// <summary>Where the counts of any unit version land among the units in force on one date.</summary>
public interface ILineageMap
{
    DateOnly On { get; }

    /// <summary>The units in force on the date, parents before children.</summary>
    IReadOnlyList<UnitRef> Units { get; }

    /// <summary>
    /// The units in force that take a share of this unit's count, with their shares (adding up to 1);
    /// the unit itself when it is in force; empty when its count has nowhere to go. A unit version
    /// ended without lineage links (renamed or moved by a later unit list) continues in the version in
    /// force with the same code and level.
    /// </summary>
    IReadOnlyList<(Guid UnitId, decimal Share)> Destinations(Guid unitId);
}

/// <param name="Counts">Counts on units in force on the date; fractional where a partial link split them.</param>
/// <param name="Unplaced">Counts on units that have no successor or predecessor in force on the date.</param>
public sealed record ReattributedCounts(IReadOnlyDictionary<Guid, decimal> Counts, IReadOnlyDictionary<Guid, decimal> Unplaced);
