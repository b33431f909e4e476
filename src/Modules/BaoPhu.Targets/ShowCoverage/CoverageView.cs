using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Targets.ShowCoverage;

/// <summary>One indicator of one unit for a year: target, actual (the year's value or its latest month), progress.</summary>
/// <param name="AsOfMonth">The month the actual describes; 0 for a value of the whole year.</param>
/// <param name="TargetDerived">A rate's target computed from the targets of its counts, not set itself.</param>
internal sealed record IndicatorValue(
    Indicator Indicator, decimal? Target, bool TargetDerived, decimal? Actual, int AsOfMonth, decimal? Baseline, Progress Progress)
{
    /// <summary>The indicator's rate in percent: from the actual counts when there are some, else the planned rate of the targets.</summary>
    public decimal? Rate => Indicator.IsPercent ? Actual ?? Target : null;
}

internal sealed record IndicatorCard(IndicatorValue Value, IReadOnlyList<MilestoneOutlook> Milestones);

internal sealed record SeriesPoint(int Year, int Month, decimal Value);

/// <summary>An indicator over time on one unit: monthly (or yearly) actuals and the yearly targets.</summary>
internal sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<SeriesPoint> Actuals, IReadOnlyList<SeriesPoint> Targets);

internal sealed record ChildRow(UnitRef Unit, IReadOnlyDictionary<string, IndicatorValue> Values, int? Rank);

/// <summary>The dashboard of a unit for a year, read from the roll-up of the unit set in force on <see cref="On"/>.</summary>
internal sealed record CoverageView(
    UnitRef Unit,
    IReadOnlyList<UnitRef> Ancestry,
    int Year,
    DateOnly On,
    IReadOnlyList<IndicatorCard> Cards,
    IReadOnlyList<IndicatorSeries> Series,
    IReadOnlyList<ChildRow> Children,
    string? RankedBy);
