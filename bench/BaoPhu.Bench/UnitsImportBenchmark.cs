using System.Globalization;

namespace BaoPhu.Bench;

/// <summary>
/// The full national unit import (unit list, then merger) on one provider, against its baseline:
/// warm-up runs first and discarded, then N runs, alternating import and baseline so that drift of
/// the machine touches both alike. Prints a markdown table of median and minimum.
/// </summary>
internal static class UnitsImportBenchmark
{
    public static async Task RunAsync(BenchOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var engine = await FreshDatabase.DescribeEngineAsync(options.Provider, options.Connection, cancellationToken);
        var loadBefore = MachineLoad.OneMinute();
        var imports = new List<ImportMeasurement>();
        var baselines = new List<BaselineMeasurement>();
        for (var run = 1; run <= options.Warmup + options.Runs; run++)
        {
            var import = await ChildProcess.MeasureAsync<ImportMeasurement>(options, RunKind.Import, cancellationToken);
            var baseline = await ChildProcess.MeasureAsync<BaselineMeasurement>(options, RunKind.Baseline, cancellationToken);
            var warmup = run <= options.Warmup;
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{options.Provider} run {run}/{options.Warmup + options.Runs}{(warmup ? " (warm-up, discarded)" : "")}: " +
                $"import {import.Total.TotalSeconds:F2} s, baseline {baseline.Total.TotalSeconds:F2} s"));
            if (!warmup)
            {
                imports.Add(import);
                baselines.Add(baseline);
            }
        }

        EnsureSameWork(imports, baselines);
        var environment = string.Create(CultureInfo.InvariantCulture,
            $"{engine}; 1-minute load average {loadBefore?.ToString("F2") ?? "n/a"} before, {MachineLoad.OneMinute()?.ToString("F2") ?? "n/a"} after");
        await output.WriteAsync(Table(options, environment, imports, baselines));
    }

    /// <summary>The ratio means something only if the import and the baseline wrote the same rows.</summary>
    private static void EnsureSameWork(List<ImportMeasurement> imports, List<BaselineMeasurement> baselines)
    {
        var results = imports.Select(i => (i.UnitListResult, i.MergerResult)).Distinct().ToList();
        var sizes = baselines.Select(b => (b.Units, b.Links)).Distinct().ToList();
        if (results.Count != 1 || sizes.Count != 1
            || imports[0].UnitsWritten != sizes[0].Units || imports[0].MergerResult.LinksCreated != sizes[0].Links)
        {
            throw new BenchFailedException(
                $"Import and baseline disagree on the work done: import {string.Join("; ", results)}, baseline (units, links) {string.Join("; ", sizes)}.");
        }
    }

    private static string Table(BenchOptions options, string environment, List<ImportMeasurement> imports, List<BaselineMeasurement> baselines)
    {
        var unitList = imports[0].UnitListResult;
        var merger = imports[0].MergerResult;
        var import = Summary.Of(imports, i => i.Total.TotalSeconds);
        var importRss = Summary.Of(imports, i => i.PeakRssBytes);
        var load = Summary.Of(baselines, b => b.Load.TotalSeconds);
        var baseline = Summary.Of(baselines, b => b.Total.TotalSeconds);
        var baselineRss = Summary.Of(baselines, b => b.PeakRssBytes);

        var rows = new List<(string Label, string Median, string Min)>
        {
            ResultTable.Row($"Import: unit list {NationalImportFiles.UnitListOn:yyyy-MM-dd} ({unitList.Created:N0} units created)", Summary.Of(imports, i => i.UnitList.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row($"Import: merger {NationalImportFiles.MergerOn:yyyy-MM-dd} ({merger.Created:N0} units created, {merger.Ended:N0} ended, {merger.LinksCreated:N0} links)",
                Summary.Of(imports, i => i.Merger.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row("**Import: total**", import, ResultTable.Seconds, bold: true),
            ResultTable.Row("Import: peak RSS of the process (VmHWM)", importRss, ResultTable.Mebibytes),
            ResultTable.Row("Import: managed bytes allocated", Summary.Of(imports, i => i.AllocatedBytes), ResultTable.Mebibytes),
            ResultTable.Row("Baseline: read the JSON files into rows (System.Text.Json)", Summary.Of(baselines, b => b.Read.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row($"Baseline: bare load of the same {baselines[0].Units:N0} units + {baselines[0].Links:N0} links ({ResultTable.BulkPath(options.Provider)})", load, ResultTable.Seconds),
            ResultTable.Row("**Baseline: total**", baseline, ResultTable.Seconds, bold: true),
            ResultTable.Row("Baseline: peak RSS of the process (VmHWM)", baselineRss, ResultTable.Mebibytes),
            ResultTable.Row("**Ratio: import ÷ bare load (time)**", import / load, ResultTable.Ratio, bold: true),
            ResultTable.Row("**Ratio: import ÷ baseline total (time)**", import / baseline, ResultTable.Ratio, bold: true),
            ResultTable.Row("**Ratio: import ÷ baseline (peak RSS)**", importRss / baselineRss, ResultTable.Ratio, bold: true),
        };

        return ResultTable.Write($"{ResultTable.DisplayName(options.Provider)}: full national unit import",
            $"Median and min of {ResultTable.Plural(options.Runs, "run")} after {ResultTable.Plural(options.Warmup, "warm-up")}, each in a fresh process and database. " +
            $"{ResultTable.Machine}; {environment}.",
            rows);
    }
}

/// <summary>Median and minimum of the measured runs; null where a value was not available (no /proc).</summary>
internal readonly record struct Summary(double? Median, double? Min)
{
    public static Summary Of<T>(IEnumerable<T> runs, Func<T, double?> value)
    {
        var values = runs.Select(value).ToList();
        if (values.Count == 0 || values.Any(v => v is null))
        {
            return new Summary(null, null);
        }

        var sorted = values.Select(v => v!.Value).Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(median, sorted[0]);
    }

    /// <summary>Median over median and minimum over minimum: each column compares like with like.</summary>
    public static Summary operator /(Summary left, Summary right) =>
        new(left.Median / right.Median, left.Min / right.Min);
}
