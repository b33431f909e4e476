using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Targets.Rollup;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaoPhu.Targets.ShowCoverage;

/// <summary>
/// The dashboards' reads. Everything comes from the pre-aggregated roll-up of the unit set in force on
/// the chosen date, so a province with thousands of units reads a few thousand rows; rates, growth
/// and progress are computed here from unrounded counts, never stored.
/// </summary>
internal sealed class CoverageQueries(
    BaoPhuDbContext db, IUnitDirectory units, IUnitLineage lineage, IOptions<CoverageSettings> settings, TimeProvider clock, UnitScope scope) : ICoverageReader
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Standard;

    /// <summary>The date whose units a year is shown on: the year's last day, or today within the current year.</summary>
    public DateOnly DefaultDate(int year)
    {
        var today = Platform.Time.VietnamTime.Today(clock);
        return year >= today.Year ? today : new DateOnly(year, 12, 31);
    }

    public async Task<CoverageView?> ViewAsync(string unitCode, int year, DateOnly? on, string? rankBy, CancellationToken cancellationToken)
    {
        var date = on ?? DefaultDate(year);
        if (await units.FindAsync(unitCode, date, cancellationToken) is not { } unit || !scope.Contains(unit.Id))
        {
            return null;
        }

        var basis = RollupRefresher.BasisOf(await RollupRefresher.BasesAsync(lineage, cancellationToken), date);
        var own = await RowsAsync(basis, [unit.Id], null, cancellationToken);
        var children = await units.ChildrenAsync(unit.Id, date, cancellationToken);
        var childRows = await RowsAsync(basis, children.Select(c => c.Id).ToList(), [year, year - 1], cancellationToken);

        var ownTable = new ValueTable(own);
        var cards = Catalog.All.Where(i => !i.Adjustment)
            .Select(i => (Indicator: i, Value: ownTable.Value(i, unit.Id, year, settings.Value)))
            .Where(c => c.Value.Target is not null || c.Value.Actual is not null)
            .Select(c => new IndicatorCard(c.Value, Milestones(ownTable, c.Indicator, unit.Id, year)))
            .ToList();
        var series = cards.Select(c => Series(ownTable, c.Value.Indicator, unit.Id)).ToList();

        var childTable = new ValueTable(childRows);
        var rows = children.Select(child => new ChildRow(
                child,
                Catalog.All.Where(i => !i.Adjustment)
                    .Select(i => childTable.Value(i, child.Id, year, settings.Value))
                    .Where(v => v.Target is not null || v.Actual is not null)
                    .ToDictionary(v => v.Indicator.Code),
                null))
            .ToList();
        var rankedBy = rankBy ?? Catalog.All.FirstOrDefault(i => rows.Any(r => r.Values.GetValueOrDefault(i.Code)?.Progress.Completion is not null))?.Code;
        return new CoverageView(unit, await units.AncestryAsync(unit.Id, cancellationToken), year, date, cards, series, Rank(rows, rankedBy), rankedBy);
    }

    public async Task<UnitYearValues?> ValuesAsync(
        string unitCode, int year, DateOnly? on, ValueBasis basis, IReadOnlyCollection<string> indicators, CancellationToken cancellationToken)
    {
        var date = on ?? DefaultDate(year);
        if (await units.FindAsync(unitCode, date, cancellationToken) is not { } unit || !scope.Contains(unit.Id))
        {
            return null;
        }

        var unitSet = RollupRefresher.BasisOf(await RollupRefresher.BasesAsync(lineage, cancellationToken), date);
        var children = await units.ChildrenAsync(unit.Id, date, cancellationToken);
        var table = new ValueTable(await RowsAsync(unitSet, children.Select(c => c.Id).Append(unit.Id).ToList(), [year, year - 1], cancellationToken));
        UnitValues Values(UnitRef u) => new(u, indicators.Distinct().ToDictionary(
            code => code,
            code => Catalog.Find(code) is { } indicator
                ? basis == ValueBasis.Target ? table.Value(indicator, u.Id, year, settings.Value).Target : table.Value(indicator, u.Id, year, settings.Value).Actual
                : null));
        return new UnitYearValues(unit, year, date, children.Select(Values).ToList(), Values(unit));
    }

    private async Task<List<RollupValue>> RowsAsync(DateOnly basis, IReadOnlyList<Guid> unitIds, int[]? years, CancellationToken cancellationToken)
    {
        // Scope is checked on the unit asked for; its totals need every row below it, whatever their versions.
        var query = db.Set<RollupValue>().IgnoreQueryFilters().AsNoTracking().Where(r => r.Basis == basis && unitIds.Contains(r.UnitId));
        if (years is not null)
        {
            query = query.Where(r => years.Contains(r.Year) && r.Month == 0);
        }

        return await query.ToListAsync(cancellationToken);
    }

    private static List<MilestoneOutlook> Milestones(ValueTable table, Indicator indicator, Guid unitId, int year)
    {
        var latest = table.LatestActual(indicator, unitId);
        if (latest is null)
        {
            return [];
        }

        var history = table.YearActuals(indicator, unitId);
        return table.TargetYears(indicator, unitId)
            .Where(y => y >= year && y >= latest.Value.Year)
            .Select(y => (Year: y, Target: table.TargetOf(indicator, unitId, y).Value))
            .Where(m => m.Target is not null)
            .Select(m => ProgressRules.Outlook(
                m.Year, m.Target!.Value, latest.Value.Value, latest.Value.Year, latest.Value.Month, indicator.Kind == IndicatorKind.Count, history))
            .ToList();
    }

    private static IndicatorSeries Series(ValueTable table, Indicator indicator, Guid unitId) =>
        new(indicator, table.MonthlyActuals(indicator, unitId), table.TargetYears(indicator, unitId)
            .Select(y => (Year: y, table.TargetOf(indicator, unitId, y).Value))
            .Where(t => t.Value is not null)
            .Select(t => new SeriesPoint(t.Year, 12, t.Value!.Value))
            .ToList());

    /// <summary>Emulation ranking: children by completion of one indicator, best first; ties share a rank.</summary>
    private static List<ChildRow> Rank(List<ChildRow> rows, string? indicator)
    {
        if (indicator is null)
        {
            return rows;
        }

        var completions = rows.Select(r => r.Values.GetValueOrDefault(indicator)?.Progress.Completion).ToList();
        return rows.Select((row, i) => completions[i] is { } c
                ? row with { Rank = 1 + completions.Count(o => o > c) }
                : row)
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Unit.Code, StringComparer.Ordinal)
            .ToList();
    }
}
