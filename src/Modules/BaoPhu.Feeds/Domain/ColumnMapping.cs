using BaoPhu.Platform.Persistence;

namespace BaoPhu.Feeds.Domain;

/// <summary>
/// An agency's own headers for a feed, saved under a name: each canonical column and the header that
/// holds it in that agency's files. Other order and extra columns need no mapping.
/// </summary>
internal sealed class ColumnMapping : IAudited
{
    private ColumnMapping()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Unique, e.g. "thue-tinh-tax-employees".</summary>
    public string Name { get; private set; } = "";

    public string Feed { get; private set; } = "";

    /// <summary>The sending agency, as users name it (Cục Thuế tỉnh, BHXH tỉnh…).</summary>
    public string Agency { get; private set; } = "";

    /// <summary>Canonical column → the agency's header.</summary>
    public Dictionary<string, string> Columns { get; private set; } = [];

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedUtc { get; private set; }

    public static ColumnMapping Create(string name, string feed, string agency, IReadOnlyDictionary<string, string> columns, string by, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Feed = feed,
        Agency = agency,
        Columns = new Dictionary<string, string>(columns, StringComparer.Ordinal),
        UpdatedBy = by,
        UpdatedUtc = at,
    };

    public void Update(string agency, IReadOnlyDictionary<string, string> columns, string by, DateTime at)
    {
        Agency = agency;
        Columns = new Dictionary<string, string>(columns, StringComparer.Ordinal);
        UpdatedBy = by;
        UpdatedUtc = at;
    }
}
