using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Targets.Rollup;

/// <summary>
/// Rebuilds the pre-aggregated rows of some years, for every unit set (before and after each
/// reorganisation), from the stored actuals and the targets in force. Called in the transaction of the
/// change that makes them stale, so a dashboard never reads a half-built year; reads ignore the
/// caller's unit scope, because a parent's total needs every child.
/// </summary>
internal sealed class RollupRefresher(BaoPhuDbContext db, IUnitLineage lineage)
{
    public async Task<int> RefreshAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        var maps = new List<(DateOnly Basis, ILineageMap Map)>();
        foreach (var (basis, mapDate) in await BasesAsync(lineage, cancellationToken))
        {
            maps.Add((basis, await lineage.MapOntoAsync(mapDate, cancellationToken)));
        }

        var written = 0;
        foreach (var year in years.Distinct().Order())
        {
            // One read of the year's stored values serves every unit set.
            var values = await StoredValuesAsync(year, cancellationToken);
            await db.Set<RollupValue>().IgnoreQueryFilters().Where(r => r.Year == year).ExecuteDeleteAsync(cancellationToken);
            foreach (var (basis, map) in maps)
            {
                written += (int)await BulkInsert.WriteAsync(db, RollupBuilder.Build(basis, map, values, IndicatorCatalog.Standard), cancellationToken);
            }
        }

        return written;
    }

    /// <summary>Every year that has an actual or a target.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        var years = await db.Set<ActualValue>().IgnoreQueryFilters().Select(a => a.Year)
            .Union(db.Set<TargetVersion>().IgnoreQueryFilters().Select(t => t.Year))
            .ToListAsync(cancellationToken);
        await db.Set<RollupValue>().IgnoreQueryFilters().Where(r => !years.Contains(r.Year)).ExecuteDeleteAsync(cancellationToken);
        return await RefreshAsync(years, cancellationToken);
    }

    /// <summary>
    /// The unit sets: one before the first reorganisation (basis <see cref="DateOnly.MinValue"/>, read on
    /// the day before it) and one from each reorganisation (read on the day before the next, or on the
    /// last day of the calendar for the current set, so units added later by a unit list count too).
    /// </summary>
    public static async Task<IReadOnlyList<(DateOnly Basis, DateOnly MapDate)>> BasesAsync(IUnitLineage lineage, CancellationToken cancellationToken)
    {
        var dates = await lineage.ReorganisationDatesAsync(cancellationToken);
        var starts = new List<DateOnly> { DateOnly.MinValue };
        starts.AddRange(dates);
        return starts.Select((start, i) => (start, i + 1 < starts.Count ? starts[i + 1].AddDays(-1) : DateOnly.MaxValue.AddDays(-1))).ToList();
    }

    public static DateOnly BasisOf(IReadOnlyList<(DateOnly Basis, DateOnly MapDate)> bases, DateOnly on) =>
        bases.Last(b => b.Basis <= on).Basis;

    private async Task<List<StoredValue>> StoredValuesAsync(int year, CancellationToken cancellationToken)
    {
        var actuals = await db.Set<ActualValue>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Year == year)
            .Select(a => new StoredValue(a.UnitId, a.Indicator, Measure.Actual, a.Year, a.Month, a.Value))
            .ToListAsync(cancellationToken);
        var versions = await db.Set<TargetVersion>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Year == year)
            .Select(t => new { t.UnitId, t.Indicator, t.Version, t.State, t.Value })
            .ToListAsync(cancellationToken);
        // The version in force is picked here rather than in SQL: a correlated NOT EXISTS over every
        // version of the year was the slowest part of an import on PostgreSQL.
        var targets = versions.GroupBy(v => (v.UnitId, v.Indicator))
            .Select(g => g.FirstOrDefault(v => v.State == TargetState.Approved) ?? g.MaxBy(v => v.Version)!)
            .Where(v => v.State != TargetState.Superseded)
            .Select(v => new StoredValue(v.UnitId, v.Indicator, Measure.Target, year, 0, v.Value));
        actuals.AddRange(targets);
        return actuals;
    }
}
