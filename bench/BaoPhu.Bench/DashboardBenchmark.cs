using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Bench;

/// <summary>
/// The coverage dashboard of a 3,001-unit province with five years of monthly actuals, on one provider:
/// a fresh database filled through the imports (timed as information), then one process reading the
/// dashboard and one reading the baseline, each cold first and then warm. Prints markdown tables.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task RunAsync(BenchOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var engine = await FreshDatabase.DescribeEngineAsync(options.Provider, options.Connection, cancellationToken);
        var loadBefore = MachineLoad.OneMinute();
        await using var database = await FreshDatabase.CreateAsync(options.Provider, options.Connection, cancellationToken);
        var folder = Path.Combine(Path.GetTempPath(), "baophu_bench_dashboard_" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await error.WriteLineAsync($"{options.Provider}: setting up the province in a fresh database");
            var (steps, rollupRows) = await DashboardSetup.RunAsync(database.Options, folder, error, cancellationToken);

            var reading = options with { Database = database.Options.ConnectionString };
            var dashboard = await ChildProcess.MeasureAsync<DashboardMeasurement>(reading, RunKind.Dashboard, cancellationToken);
            var baseline = await ChildProcess.MeasureAsync<DashboardMeasurement>(reading, RunKind.DashboardBaseline, cancellationToken);
            if (dashboard.Check is null || dashboard.Check != baseline.Check)
            {
                throw new BenchFailedException(
                    $"Dashboard and baseline disagree on the province's hi.participants in December: {dashboard.Check} and {baseline.Check}.");
            }

            var environment = string.Create(CultureInfo.InvariantCulture,
                $"{engine}; 1-minute load average {loadBefore?.ToString("F2") ?? "n/a"} before, {MachineLoad.OneMinute()?.ToString("F2") ?? "n/a"} after");
            await output.WriteAsync(Tables(options, environment, steps, rollupRows, dashboard, baseline));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Tables(
        BenchOptions options, string environment, IReadOnlyList<SetupStep> steps, long rollupRows, DashboardMeasurement dashboard, DashboardMeasurement baseline)
    {
        var text = new StringBuilder();
        var name = options.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";
        text.AppendLine(CultureInfo.InvariantCulture, $"#### {name}: coverage dashboard");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Milliseconds per read of year {DashboardData.LastYear} on {DashboardData.ShownOn:yyyy-MM-dd}: {options.Runs} reads per unit after {options.Warmup} warm-up, " +
            $"in one process per side. {RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}; {Environment.ProcessorCount} CPUs; {environment}.");
        text.AppendLine();
        text.AppendLine("| Unit read | Dashboard median | p95 | min | Baseline median | p95 | min | **Baseline ÷ dashboard** (median) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < DashboardRun.Codes.Count; i++)
        {
            var d = Stats.Of(dashboard.Units[i].Runs);
            var b = Stats.Of(baseline.Units[i].Runs);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Label(i)} | {Ms(d.Median)} | {Ms(d.P95)} | {Ms(d.Min)} | {Ms(b.Median)} | {Ms(b.P95)} | {Ms(b.Min)} | **{b.Median / d.Median:F1}×** |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| Province, cold first call of a new process | {Ms(dashboard.Units[0].First)} | | | {Ms(baseline.Units[0].First)} | | | {baseline.Units[0].First / dashboard.Units[0].First:F1}× |");
        text.AppendLine();

        text.AppendLine("| Setup (not measured; information) | Time | Rows written |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var step in steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {step.Name} | {step.Elapsed.TotalSeconds:F1} s | {step.Rows:N0} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| Total (imports and roll-up rebuilds) | {steps.Sum(s => s.Elapsed.TotalSeconds):F1} s | {steps.Sum(s => (long)s.Rows):N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Rows in `targets_rollup` afterwards | | {rollupRows:N0} |");
        text.AppendLine();
        return text.ToString();
    }

    private static string Label(int i) => i switch
    {
        0 => string.Create(CultureInfo.InvariantCulture,
            $"Province {DashboardData.ProvinceCode} ({DashboardData.Units:N0} units, {DashboardData.Districts} children)"),
        1 => $"District {DashboardData.DistrictCode} ({DashboardData.CommunesPerDistrict} children)",
        _ => $"Commune {DashboardData.CommuneCode} (no children)",
    };

    private static string Ms(double milliseconds) =>
        milliseconds.ToString(milliseconds < 10 ? "F2" : milliseconds < 100 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>Median, 95th percentile (nearest rank) and minimum.</summary>
    private readonly record struct Stats(double Median, double P95, double Min)
    {
        public static Stats Of(IReadOnlyList<double> values)
        {
            var sorted = values.Order().ToList();
            var middle = sorted.Count / 2;
            var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            var p95 = sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
            return new Stats(median, p95, sorted[0]);
        }
    }
}
