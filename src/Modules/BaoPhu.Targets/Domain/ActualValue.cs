using BaoPhu.Platform.Persistence;

namespace BaoPhu.Targets.Domain;

/// <summary>
/// A count (or index) reached by a unit in a period, as a feed sent it: a month (1–12), or the whole
/// year (month 0). Re-sending the same key replaces the value. Not audited row by row: an import
/// is audited as one entry, and the feed file is the record.
/// </summary>
internal sealed class ActualValue : IUnitOwned
{
    private ActualValue()
    {
        Indicator = "";
        Source = "";
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public string Indicator { get; private set; }

    public int Year { get; private set; }

    /// <summary>1–12, or 0 for a value of the whole year.</summary>
    public int Month { get; private set; }

    public decimal Value { get; private set; }

    public string Source { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public static ActualValue Create(Guid unitId, string indicator, int year, int month, decimal value, string source, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        UnitId = unitId,
        Indicator = indicator,
        Year = year,
        Month = month,
        Value = value,
        Source = source,
        ReceivedAt = at,
    };

    public void Replace(decimal value, string source, DateTime at)
    {
        Value = value;
        Source = source;
        ReceivedAt = at;
    }
}

/// <summary>What a roll-up row holds: actuals reached, or the targets in force.</summary>
internal enum Measure
{
    Actual = 0,
    Target = 1,
}

/// <summary>
/// Pre-aggregated value for the dashboards: a unit of one unit set (<see cref="Basis"/>: the date a
/// set of units came into force, <see cref="DateOnly.MinValue"/> for the set before the first
/// reorganisation), an indicator and a period, after re-attribution through the lineage and roll-up
/// from children. Rebuilt by <c>RollupRefresher</c>; never edited.
/// </summary>
internal sealed class RollupValue : IUnitOwned
{
    public DateOnly Basis { get; set; }

    public Guid UnitId { get; set; }

    public string Indicator { get; set; } = "";

    public Measure Measure { get; set; }

    public int Year { get; set; }

    /// <summary>1–12, or 0 for the year: the stored year value, else the last month with data.</summary>
    public int Month { get; set; }

    public decimal Value { get; set; }

    /// <summary>For a year row taken from a month: which month; 12 or the stored value's 0 otherwise.</summary>
    public int AsOfMonth { get; set; }
}
