using System.Globalization;

namespace BaoPhu.Bench;

/// <summary>
/// A month of <c>tax-employees</c> (over a million rows) imported through the application on one
/// provider, against the engine's bare loader on the same file; then the same rows ten times over,
/// for peak memory against file size. Warm-up runs first and discarded, then N runs alternating import
/// and baseline so that drift of the machine touches both alike. Prints a markdown table.
/// </summary>
internal static class FeedsImportBenchmark
{
    /// <summary>The issue's targets.</summary>
    private const double TimeTarget = 1.3;

    private const double MemoryTarget = 1.2;

    public static async Task RunAsync(BenchOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var files = FeedImportFiles.Prepare(options.DataDirectory, error);
        var engine = await FreshDatabase.DescribeEngineAsync(options.Provider, options.Connection, cancellationToken);
        var loadBefore = MachineLoad.OneMinute();
        var one = options with { File = files.Million };
        var imports = new List<FeedImportMeasurement>();
        var baselines = new List<FeedBaselineMeasurement>();
        for (var run = 1; run <= options.Warmup + options.Runs; run++)
        {
            var import = await ChildProcess.MeasureAsync<FeedImportMeasurement>(one, RunKind.FeedImport, cancellationToken);
            var baseline = await ChildProcess.MeasureAsync<FeedBaselineMeasurement>(one, RunKind.FeedBaseline, cancellationToken);
            var warmup = run <= options.Warmup;
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{options.Provider} run {run}/{options.Warmup + options.Runs}{(warmup ? " (warm-up, discarded)" : "")}: " +
                $"import {import.Import.TotalSeconds:F2} s (refresh {import.Refresh.TotalSeconds:F2} s), baseline {baseline.Load.TotalSeconds:F2} s, " +
                $"load {MachineLoad.OneMinute():F2}"));
            if (!warmup)
            {
                imports.Add(import);
                baselines.Add(baseline);
            }
        }

        var ten = options with { File = files.TenTimes };
        var large = new List<FeedImportMeasurement>();
        for (var run = 1; run <= options.LargeRuns; run++)
        {
            var import = await ChildProcess.MeasureAsync<FeedImportMeasurement>(ten, RunKind.FeedImportOnly, cancellationToken);
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{options.Provider} ten-times file, run {run}/{options.LargeRuns}: import {import.Import.TotalSeconds:F1} s, " +
                $"peak RSS {import.PeakRssBytes / (1024 * 1024)} MiB, load {MachineLoad.OneMinute():F2}"));
            large.Add(import);
        }

        EnsureSameWork(files, imports, baselines, large);
        var environment = string.Create(CultureInfo.InvariantCulture,
            $"{engine}; 1-minute load average {loadBefore?.ToString("F2") ?? "n/a"} before, {MachineLoad.OneMinute()?.ToString("F2") ?? "n/a"} after");
        await output.WriteAsync(Table(options, environment, files, imports, baselines, large));
    }

    /// <summary>
    /// The ratio means something only if both sides read every row of the same file (the import refuses
    /// the few rows the generator plants with a wrong tax code, ID or a repeated key; the baseline loads
    /// them), and the ten-times file only if the import did ten times the same (no copy taken for another's duplicate).
    /// </summary>
    private static void EnsureSameWork(
        FeedImportFiles files, List<FeedImportMeasurement> imports, List<FeedBaselineMeasurement> baselines, List<FeedImportMeasurement> large)
    {
        var stored = imports.Select(i => (i.Rows, i.Imported, i.Rejected)).Distinct().ToList();
        var loaded = baselines.Select(b => b.Rows).Distinct().ToList();
        var storedLarge = large.Select(i => (i.Rows, i.Imported, i.Rejected)).Distinct().ToList();
        if (stored.Count != 1 || loaded.Count != 1 || storedLarge.Count != 1
            || stored[0].Rows != files.MillionRows || loaded[0] != files.MillionRows
            || storedLarge[0].Rows != files.TenTimesRows || storedLarge[0].Imported != (long)FeedImportFiles.Copies * stored[0].Imported
            || storedLarge[0].Rejected != (long)FeedImportFiles.Copies * stored[0].Rejected)
        {
            throw new BenchFailedException(
                $"Import and baseline disagree on the work done: file rows {files.MillionRows} and {files.TenTimesRows}, import (rows, imported, rejected) " +
                $"{string.Join("; ", stored)}, baseline rows {string.Join("; ", loaded)}, ten-times import {string.Join("; ", storedLarge)}.");
        }
    }

    private static string Table(
        BenchOptions options, string environment, FeedImportFiles files,
        List<FeedImportMeasurement> imports, List<FeedBaselineMeasurement> baselines, List<FeedImportMeasurement> large)
    {
        var first = imports[0];
        var import = Summary.Of(imports, i => i.Import.TotalSeconds);
        var baseline = Summary.Of(baselines, b => b.Load.TotalSeconds);
        var rss = Summary.Of(imports, i => i.PeakRssBytes);
        var largeRss = Summary.Of(large, i => i.PeakRssBytes);
        var loader = options.Provider == Platform.Persistence.DatabaseProvider.Sqlite
            ? "bare loader: Sylvan CSV reader, one prepared INSERT, one transaction"
            : "`psql \\copy … CSV HEADER`, timed as a process";
        var rows = new List<(string, string, string)>
        {
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture,
                    $"**Import** of the file ({files.MillionRows:N0} rows: {first.Imported:N0} stored, {first.Warnings:N0} with a warning, {first.Rejected:N0} refused)"),
                import, ResultTable.Seconds, bold: true),
            ResultTable.Row("Refresh of derived data after it (`RefreshAsync`, deferred by the import)", Summary.Of(imports, i => i.Refresh.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row("Import: peak RSS of the process (VmHWM)", rss, ResultTable.Mebibytes),
            ResultTable.Row("Import: managed bytes allocated", Summary.Of(imports, i => i.AllocatedBytes), ResultTable.Mebibytes),
            ResultTable.Row($"**Baseline** into a bare table of the file's 6 columns ({loader})", baseline, ResultTable.Seconds, bold: true),
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture, $"**Ratio: import ÷ baseline (time)**, target ≤ {TimeTarget:F1}×"),
                import / baseline, ResultTable.Ratio, bold: true),
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture,
                    $"Import of the ten-times file ({files.TenTimesRows:N0} rows; {ResultTable.Plural(options.LargeRuns, "run")})"),
                Summary.Of(large, i => i.Import.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row("Import of the ten-times file: peak RSS (VmHWM)", largeRss, ResultTable.Mebibytes),
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture, $"**Ratio: peak RSS ten times ÷ once**, target ≤ {MemoryTarget:F1}×"),
                largeRss / rss, ResultTable.Ratio, bold: true),
        };

        return ResultTable.Write($"{ResultTable.DisplayName(options.Provider)}: tax-employees feed import",
            $"Median and min of {ResultTable.Plural(options.Runs, "run")} after {ResultTable.Plural(options.Warmup, "warm-up")}, each in a fresh process and database. " +
            $"{ResultTable.Machine}; {environment}.",
            rows);
    }
}
