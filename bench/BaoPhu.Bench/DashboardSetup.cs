using System.Diagnostics;
using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Bench;

/// <summary>One import of the setup: how long it took (roll-up rebuild included) and what it wrote.</summary>
internal sealed record SetupStep(string Name, TimeSpan Elapsed, int Rows);

/// <summary>
/// Fills a fresh database with the synthetic province through the application's own imports, as an
/// operator would: the unit list, the targets, then one actuals file per year, each import in its own
/// scope and rebuilding the roll-up of its years. Timed as information; the dashboard is what is measured.
/// </summary>
internal static class DashboardSetup
{
    public static async Task<(IReadOnlyList<SetupStep> Steps, long RollupRows)> RunAsync(
        DatabaseOptions database, string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        var data = DashboardData.Write(folder);
        await using var services = await AppServices.MigratedAsync(database, cancellationToken);

        var steps = new List<SetupStep>
        {
            await StepAsync<IUnitImports>(services, "Unit list", progress,
                async imports => (await imports.ImportUnitListAsync(data.UnitList, DashboardData.UnitsFrom, cancellationToken)).Created),
            await StepAsync<ICoverageImports>(services, "Targets", progress,
                async imports => (await imports.ImportTargetsAsync(data.Targets, cancellationToken)).Imported),
        };
        for (var year = DashboardData.FirstYear; year <= DashboardData.LastYear; year++)
        {
            var file = data.Actuals(year);
            steps.Add(await StepAsync<ICoverageImports>(services, $"Actuals {year}", progress,
                async imports => (await imports.ImportActualsAsync(file, cancellationToken)).Imported));
        }

        return (steps, await BenchSql.CountAsync(database, "targets_rollup", cancellationToken));
    }

    /// <summary>One import in a service scope of its own, timed, and told to <paramref name="progress"/>.</summary>
    public static async Task<SetupStep> StepAsync<T>(IServiceProvider services, string name, TextWriter progress, Func<T, Task<int>> import)
        where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var rows = await import(scope.ServiceProvider.GetRequiredService<T>());
        var step = new SetupStep(name, watch.Elapsed, rows);
        await progress.WriteLineAsync(FormattableString.Invariant($"  setup: {name}: {rows:N0} rows in {step.Elapsed.TotalSeconds:F1} s"));
        return step;
    }
}
