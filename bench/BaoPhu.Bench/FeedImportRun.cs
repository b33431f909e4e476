using System.Diagnostics;
using BaoPhu.Feeds.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Bench;

/// <summary>
/// One feed file imported through the application's own services, as <c>baophu import tax-employees FILE
/// --defer-refresh</c> runs it, then the refresh of derived data the import deferred, timed apart so that
/// nothing is hidden (not for the ten-times file, measured for its memory only). The process's
/// start-up, the EF Core model and the migrations come before the clock.
/// </summary>
internal static class FeedImportRun
{
    public static async Task<FeedImportMeasurement> MeasureAsync(BenchOptions options, bool refresh, CancellationToken cancellationToken)
    {
        var file = options.File ?? throw new BenchUsageException("--file is required for a feed-import run.");
        await using var database = await FreshDatabase.CreateAsync(options.Provider, options.Connection, cancellationToken);
        await using var services = await AppServices.MigratedAsync(database.Options, cancellationToken);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        FeedImportResult result;
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IFeedImports>()
                .ImportAsync(new FeedImportRequest(FeedImportFiles.Feed, file, DeferRefresh: true), null, cancellationToken);
        }

        var import = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var importRss = ProcessMemory.PeakRssBytes();
        if (result.Outcome != FeedOutcome.Committed)
        {
            throw new BenchFailedException($"The import was not committed: {result.Outcome}, {result.Reason}");
        }

        watch.Restart();
        if (refresh)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IFeedImports>().RefreshAsync(cancellationToken);
        }

        return new FeedImportMeasurement(import, watch.Elapsed, importRss, ProcessMemory.PeakRssBytes(), allocated,
            result.Rows, result.Imported, result.Rejected, result.Warnings);
    }
}
