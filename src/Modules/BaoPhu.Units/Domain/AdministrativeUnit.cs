using BaoPhu.Platform.Text;

namespace BaoPhu.Units.Domain;

/// <summary>
/// One version of an administrative unit, in force on [<see cref="ValidFrom"/>, <see cref="ValidTo"/>).
/// GSO codes are reused after 1/7/2025, so a code identifies a unit only together with a date.
/// </summary>
internal sealed class AdministrativeUnit
{
    private AdministrativeUnit()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Kind as written in the source ("Phường", "Huyện", "Thành phố Trung ương").</summary>
    public string TypeName { get; private set; } = "";

    public UnitLevel Level { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>
    /// Codes from the root, "/38/397/15955/": a scope is a prefix test. A new province that keeps an old
    /// code shares the old one's prefix; other predecessors are reached through lineage.
    /// </summary>
    public string Path { get; private set; } = "";

    /// <summary>First day in force; null when the unit predates the records.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>First day no longer in force; null while in force.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The name folded for search: lower case, no diacritics.</summary>
    public string SearchText { get; private set; } = "";

    public static AdministrativeUnit Create(
        string code, string name, string typeName, UnitLevel level, AdministrativeUnit? parent, DateOnly? validFrom)
    {
        UnitCodes.EnsureValid(code, level);
        var cleanName = VietnameseText.Clean(name);
        return new AdministrativeUnit
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = cleanName,
            TypeName = VietnameseText.Clean(typeName),
            Level = level,
            ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + code + "/",
            ValidFrom = validFrom,
            ValidTo = parent?.ValidTo,
            SearchText = VietnameseText.Fold(cleanName),
        };
    }

    public bool IsInForceOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);

    /// <summary>Whether a listing of the same unit on a later date describes this very version.</summary>
    public bool IsSameAs(string name, string typeName, UnitLevel level, Guid? parentId) =>
        Name == VietnameseText.Clean(name) && TypeName == VietnameseText.Clean(typeName) && Level == level && ParentId == parentId;

    /// <summary>Ends the unit on <paramref name="date"/>: it is no longer in force from that day.</summary>
    public void End(DateOnly date)
    {
        if (ValidFrom is not null && date < ValidFrom)
        {
            throw new InvalidOperationException($"Unit {Code} cannot end on {date:yyyy-MM-dd}, before it started on {ValidFrom:yyyy-MM-dd}.");
        }

        if (ValidTo is null || date < ValidTo)
        {
            ValidTo = date;
        }
    }
}
