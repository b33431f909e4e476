using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;

namespace BaoPhu.Targets.ShowCoverage;

/// <summary>
/// Roll-up rows of some units, indexed, with every indicator's value derived from them: counts and
/// indexes as stored; rates as the sum of their numerators over their denominator, in percent, from
/// unrounded counts; growth against the previous year. A rate's target is the one set for it, else
/// the rate of its counts' targets.
/// </summary>
internal sealed class ValueTable(IEnumerable<RollupValue> rows)
{
    private readonly Dictionary<(Guid Unit, string Indicator, Measure Measure, int Year, int Month), RollupValue> byKey =
        rows.ToDictionary(r => (r.UnitId, r.Indicator, r.Measure, r.Year, r.Month));

    public IndicatorValue Value(Indicator indicator, Guid unitId, int year, CoverageSettings settings)
    {
        var (target, derived) = TargetOf(indicator, unitId, year);
        var (actual, asOf) = Compute(indicator, Measure.Actual, unitId, year, 0);
        var (baseline, _) = Compute(indicator, Measure.Actual, unitId, year - 1, 0);
        return new IndicatorValue(indicator, target, derived, actual, asOf, baseline, ProgressRules.Assess(target, actual, asOf, baseline, settings));
    }

    public (decimal? Value, bool Derived) TargetOf(Indicator indicator, Guid unitId, int year)
    {
        if (byKey.TryGetValue((unitId, indicator.Code, Measure.Target, year, 0), out var set))
        {
            return (set.Value, false);
        }

        return indicator.IsStored ? (null, false) : (Compute(indicator, Measure.Target, unitId, year, 0).Value, true);
    }

    public (int Year, int Month, decimal Value)? LatestActual(Indicator indicator, Guid unitId)
    {
        foreach (var year in Years(Measure.Actual, unitId).OrderDescending())
        {
            var (value, asOf) = Compute(indicator, Measure.Actual, unitId, year, 0);
            if (value is { } v)
            {
                return (year, asOf, v);
            }
        }

        return null;
    }

    public IReadOnlyList<(int Year, decimal Value)> YearActuals(Indicator indicator, Guid unitId) =>
        Years(Measure.Actual, unitId).Order()
            .Select(y => (Year: y, Compute(indicator, Measure.Actual, unitId, y, 0).Value))
            .Where(p => p.Value is not null)
            .Select(p => (p.Year, p.Value!.Value))
            .ToList();

    public IReadOnlyList<int> TargetYears(Indicator indicator, Guid unitId) =>
        Years(Measure.Target, unitId).Order().Where(y => TargetOf(indicator, unitId, y).Value is not null).ToList();

    /// <summary>Every month with a value; a year known only as a whole is placed at December.</summary>
    public IReadOnlyList<SeriesPoint> MonthlyActuals(Indicator indicator, Guid unitId)
    {
        var points = new List<SeriesPoint>();
        foreach (var year in Years(Measure.Actual, unitId).Order())
        {
            var months = Enumerable.Range(1, 12)
                .Select(m => (Month: m, Compute(indicator, Measure.Actual, unitId, year, m).Value))
                .Where(p => p.Value is not null)
                .Select(p => new SeriesPoint(year, p.Month, p.Value!.Value))
                .ToList();
            if (months.Count == 0 && Compute(indicator, Measure.Actual, unitId, year, 0).Value is { } whole)
            {
                months.Add(new SeriesPoint(year, 12, whole));
            }

            points.AddRange(months);
        }

        return points;
    }

    private IEnumerable<int> Years(Measure measure, Guid unitId) =>
        byKey.Keys.Where(k => k.Unit == unitId && k.Measure == measure && k.Month == 0).Select(k => k.Year).Distinct();

    private (decimal? Value, int AsOf) Stored(string code, Measure measure, Guid unitId, int year, int month) =>
        byKey.TryGetValue((unitId, code, measure, year, month), out var row) ? (row.Value, row.AsOfMonth) : (null, month);

    private (decimal? Value, int AsOf) Compute(Indicator indicator, Measure measure, Guid unitId, int year, int month)
    {
        switch (indicator.Kind)
        {
            case IndicatorKind.Rate:
                {
                    decimal numerator = 0;
                    var asOf = month;
                    foreach (var code in indicator.Numerator ?? [])
                    {
                        var (part, partAsOf) = Stored(code, measure, unitId, year, month);
                        if (part is null)
                        {
                            return (null, month);
                        }

                        numerator += part.Value;
                        asOf = partAsOf;
                    }

                    var (denominator, _) = Stored(indicator.Denominator!, measure, unitId, year, month);
                    return denominator is > 0 ? (numerator / denominator.Value * 100m, asOf) : (null, month);
                }

            case IndicatorKind.Growth:
                {
                    var (now, asOf) = Stored(indicator.Of!, measure, unitId, year, month);
                    var (before, _) = Stored(indicator.Of!, Measure.Actual, unitId, year - 1, month == 0 ? 0 : month);
                    return now is { } n && before is > 0 ? ((n - before.Value) / before.Value * 100m, asOf) : (null, month);
                }

            default:
                return Stored(indicator.Code, measure, unitId, year, month);
        }
    }
}
