using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Rollup;

namespace BaoPhu.Targets.ShowCoverage;

internal sealed class CoverageSummaries(CoverageQueries queries, RollupRefresher rollup, BaoPhuDbContext db) : ICoverageSummaries
{
    public async Task<CoverageSummary?> ShowAsync(string unitCode, int year, DateOnly? on, CancellationToken cancellationToken) =>
        await queries.ViewAsync(unitCode, year, on, null, cancellationToken) is { } view
            ? new CoverageSummary(view.Unit.Code, view.Unit.Name, view.Year, view.On, view.Cards.Select(c => CoverageApi.Result(c.Value)).ToList())
            : null;

    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await rollup.RefreshAllAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
