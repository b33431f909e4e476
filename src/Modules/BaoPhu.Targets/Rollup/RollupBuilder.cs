using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Targets.Rollup;

/// <summary>A stored value as the roll-up reads it: an actual, or the target in force, of any unit version.</summary>
internal readonly record struct StoredValue(Guid UnitId, string Indicator, Measure Measure, int Year, int Month, decimal Value);

/// <summary>
/// Turns stored values into the dashboards' pre-aggregated rows for one unit set: each value is moved
/// onto the units in force (counts split along partial links; rates and indexes only where a unit maps
/// wholly onto one unit, since a share of a rate means nothing), then counts roll up from children to
/// parents where the parent has no value of its own, the derived labour force is computed, and each
/// year gets a row of its own (the year's value, else its last month with data).
/// </summary>
internal static class RollupBuilder
{
    private const decimal Whole = 0.999999m;

    public static List<RollupValue> Build(DateOnly basis, ILineageMap map, IEnumerable<StoredValue> values, IndicatorCatalog catalog)
    {
        var placed = Place(map, values, catalog);
        var children = map.Units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var bottomUp = map.Units.Select(u => u.Id).Reverse().ToList();

        foreach (var ((indicator, _, _, _), byUnit) in placed)
        {
            if (catalog.Find(indicator)?.Kind == IndicatorKind.Count)
            {
                RollUp(byUnit, bottomUp, children);
            }
        }

        DeriveCounts(placed, catalog);

        var rows = new List<RollupValue>();
        foreach (var ((indicator, measure, year, month), byUnit) in placed)
        {
            foreach (var (unitId, value) in byUnit)
            {
                rows.Add(new RollupValue
                {
                    Basis = basis,
                    UnitId = unitId,
                    Indicator = indicator,
                    Measure = measure,
                    Year = year,
                    Month = month,
                    Value = value,
                    AsOfMonth = month,
                });
            }
        }

        rows.AddRange(YearRows(rows, basis));
        return rows;
    }

    private static Dictionary<(string Indicator, Measure Measure, int Year, int Month), Dictionary<Guid, decimal>> Place(
        ILineageMap map, IEnumerable<StoredValue> values, IndicatorCatalog catalog)
    {
        var placed = new Dictionary<(string, Measure, int, int), Dictionary<Guid, decimal>>();
        foreach (var value in values)
        {
            var destinations = map.Destinations(value.UnitId);
            var divisible = catalog.Find(value.Indicator)?.Kind == IndicatorKind.Count;
            if (destinations.Count == 0 || (!divisible && (destinations.Count != 1 || destinations[0].Share < Whole)))
            {
                continue;
            }

            var key = (value.Indicator, value.Measure, value.Year, value.Month);
            if (!placed.TryGetValue(key, out var byUnit))
            {
                placed[key] = byUnit = [];
            }

            foreach (var (unitId, share) in destinations)
            {
                // Two old units landing whole on one new unit add up for counts; for a rate the
                // later one would silently win, so such a rate is left out instead.
                if (!divisible && byUnit.ContainsKey(unitId))
                {
                    byUnit.Remove(unitId);
                    continue;
                }

                byUnit[unitId] = byUnit.GetValueOrDefault(unitId) + (divisible ? value.Value * share : value.Value);
            }
        }

        return placed;
    }

    private static void RollUp(Dictionary<Guid, decimal> byUnit, IReadOnlyList<Guid> bottomUp, ILookup<Guid, Guid> children)
    {
        foreach (var unitId in bottomUp)
        {
            if (byUnit.ContainsKey(unitId) || !children.Contains(unitId))
            {
                continue;
            }

            decimal sum = 0;
            var any = false;
            foreach (var child in children[unitId])
            {
                if (byUnit.TryGetValue(child, out var value))
                {
                    sum += value;
                    any = true;
                }
            }

            if (any)
            {
                byUnit[unitId] = sum;
            }
        }
    }

    /// <summary>Counts defined from others (the adjusted labour force), where no value was sent for the unit.</summary>
    private static void DeriveCounts(
        Dictionary<(string Indicator, Measure Measure, int Year, int Month), Dictionary<Guid, decimal>> placed, IndicatorCatalog catalog)
    {
        foreach (var derived in catalog.All.Where(i => i.DerivedFrom is not null))
        {
            foreach (var ((indicator, measure, year, month), from) in placed.Where(p => p.Key.Indicator == derived.DerivedFrom).ToList())
            {
                var key = (derived.Code, measure, year, month);
                if (!placed.TryGetValue(key, out var target))
                {
                    placed[key] = target = [];
                }

                foreach (var (unitId, start) in from)
                {
                    if (target.ContainsKey(unitId))
                    {
                        continue;
                    }

                    var less = (derived.Less ?? []).Sum(code =>
                        placed.TryGetValue((code, measure, year, month), out var part) ? part.GetValueOrDefault(unitId) : 0m);
                    target[unitId] = Math.Max(0, start - less);
                }
            }
        }
    }

    private static IEnumerable<RollupValue> YearRows(List<RollupValue> rows, DateOnly basis) =>
        rows.GroupBy(r => (r.UnitId, r.Indicator, r.Measure, r.Year))
            .Where(g => g.All(r => r.Month != 0))
            .Select(g =>
            {
                var last = g.MaxBy(r => r.Month)!;
                return new RollupValue
                {
                    Basis = basis,
                    UnitId = g.Key.UnitId,
                    Indicator = g.Key.Indicator,
                    Measure = g.Key.Measure,
                    Year = g.Key.Year,
                    Month = 0,
                    Value = last.Value,
                    AsOfMonth = last.Month,
                };
            });
}
