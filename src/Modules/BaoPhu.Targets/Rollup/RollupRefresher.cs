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
        var written = 0;
        foreach (var (basis, mapDate) in await BasesAsync(lineage, cancellationToken))
        {
            var map = await lineage.MapOntoAsync(mapDate, cancellationToken);
            foreach (var year in years.Distinct().Order())
            {
                var values = await StoredValuesAsync(year, cancellationToken);
                var rows = RollupBuilder.Build(basis, map, values, IndicatorCatalog.Standard);
                await db.Set<RollupValue>().Where(r => r.Basis == basis && r.Year == year).ExecuteDeleteAsync(cancellationToken);
                written += (int)await BulkInsert.WriteAsync(db, rows, cancellationToken);
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
        var targets = await TargetsInForce(db.Set<TargetVersion>().IgnoreQueryFilters().Where(t => t.Year == year))
            .Select(t => new StoredValue(t.UnitId, t.Indicator, Measure.Target, t.Year, 0, t.Value))
            .ToListAsync(cancellationToken);
        actuals.AddRange(targets);
        return actuals;
    }

    /// <summary>The version in force of each target: the approved one, else the latest draft while none is approved.</summary>
    public static IQueryable<TargetVersion> TargetsInForce(IQueryable<TargetVersion> targets) =>
        targets.AsNoTracking().Where(t =>
            t.State == TargetState.Approved ||
            (t.State == TargetState.Draft &&
             !targets.Any(o => o.UnitId == t.UnitId && o.Year == t.Year && o.Indicator == t.Indicator && o.State == TargetState.Approved) &&
             !targets.Any(o => o.UnitId == t.UnitId && o.Year == t.Year && o.Indicator == t.Indicator && o.State == TargetState.Draft && o.Version > t.Version)));
}
