using System.Diagnostics;
using BaoPhu.Demo.Generation;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using Npgsql;

namespace BaoPhu.Bench;

/// <summary>
/// Fills a fresh database with one size of the generated month through the application's own imports,
/// as an operator loads a backlog: the unit list and the merger, every file of the manifest with the
/// refresh deferred (<c>baophu import FEED FILE --defer-refresh</c>), then one refresh of the registry's
/// derived tables (<c>baophu registry refresh</c>). Timed as information; the cross-check is what is measured.
/// </summary>
internal static class CrossCheckSetup
{
    private static readonly DateOnly UnitListOn = new(2025, 3, 1);
    private static readonly DateOnly MergerOn = new(2025, 7, 1);

    /// <summary>
    /// The connection the runs use. PostgreSQL: without Npgsql's 30-second command timeout, which the
    /// registry's refresh and the cross-check's statements outlast from a few million rows on.
    /// </summary>
    public static DatabaseOptions Connection(DatabaseOptions database) =>
        database.Provider == DatabaseProvider.Postgres
            ? database with { ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 0 }.ConnectionString }
            : database;

    public static async Task<IReadOnlyList<SetupStep>> RunAsync(
        DatabaseOptions database, CrossCheckData data, TextWriter progress, CancellationToken cancellationToken)
    {
        var steps = new List<SetupStep>();
        await using (var services = await AppServices.MigratedAsync(database, cancellationToken))
        {
            steps.Add(await DashboardSetup.StepAsync<IUnitImports>(services, "Unit list", progress, async imports =>
                (await imports.ImportUnitListAsync(Path.Combine(data.Folder, DemoUnitFiles.UnitListFileName), UnitListOn, cancellationToken)).Created));
            steps.Add(await DashboardSetup.StepAsync<IUnitImports>(services, "Merger", progress, async imports =>
                (await imports.ImportMergerAsync(Path.Combine(data.Folder, DemoUnitFiles.MergesFileName),
                    Path.Combine(data.Folder, DemoUnitFiles.ProvincesFileName), MergerOn, cancellationToken)).Created));
            foreach (var file in data.Files)
            {
                // A snapshot is as of the generated month's end: the communes it names are those in force then.
                var request = new FeedImportRequest(file.Feed, Path.Combine(data.Folder, file.File), file.Period ?? CrossCheckData.Period, DeferRefresh: true);
                steps.Add(await DashboardSetup.StepAsync<IFeedImports>(services, $"Import {file.File}", progress, async imports =>
                {
                    var result = await imports.ImportAsync(request, null, cancellationToken);
                    return result.Outcome == FeedOutcome.Committed
                        ? result.Imported
                        : throw new BenchFailedException($"{file.File} was not committed: {result.Outcome}, {result.Reason}");
                }));
            }

            steps.Add(await DashboardSetup.StepAsync<IFeedImports>(services, "Refresh of the registry's derived tables (`registry refresh`)", progress, async imports =>
            {
                await imports.RefreshAsync(cancellationToken);
                return 0;
            }));
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            // What autovacuum does on its own some time after a load, done now so that no measured run
            // races it: statistics for the planner and the visibility map for the scans.
            var watch = Stopwatch.StartNew();
            await BenchSql.ExecuteAsync(database, cancellationToken, "VACUUM ANALYZE");
            steps.Add(new SetupStep("VACUUM ANALYZE", watch.Elapsed, 0));
            await progress.WriteLineAsync(FormattableString.Invariant($"  setup: VACUUM ANALYZE in {watch.Elapsed.TotalSeconds:F1} s"));
        }

        return steps;
    }
}
