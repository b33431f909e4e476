using System.Globalization;
using System.Text;
using BaoPhu.Compliance.Contracts;

namespace BaoPhu.Bench;

/// <summary>
/// The cross-check of one month on one provider, per size of data: a fresh database filled through the
/// imports (timed as information), then rounds of runs, each in a new process on that database: the
/// run of the headcount gap alone, every hand-written shape of the baseline still in the race, and the
/// full run of all kinds. The first rounds are warm-up and discarded. Prints markdown tables per size,
/// then the growth from the smallest size to the largest.
/// </summary>
internal static class CrossCheckBenchmark
{
    /// <summary>The issue's targets: run ÷ baseline on the same data, and ten times the data in at most eleven times the time.</summary>
    private const double RatioTarget = 1.5;

    private const double GrowthTarget = 1.1;

    /// <summary>A shape still running after this many times the cross-check's own warm-up run is stopped, and not tried again.</summary>
    private const int ShapeLimitFactor = 5;

    private const int ShapeLimitFloorSeconds = 60;

    public static async Task RunAsync(BenchOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var engine = await FreshDatabase.DescribeEngineAsync(options.Provider, options.Connection, cancellationToken);
        var results = new List<SizeResult>();
        foreach (var size in CrossCheckSize.Chosen(options))
        {
            var data = CrossCheckData.Prepare(options.DataDirectory, size, error);
            var result = await MeasureAsync(options, data, error, cancellationToken);
            results.Add(result);
            // Each size's tables as soon as they are known: a long benchmark keeps what it has measured.
            await output.WriteAsync(SizeTables(options, engine, result));
            await output.FlushAsync(cancellationToken);
        }

        if (results.Count > 1)
        {
            await output.WriteAsync(GrowthTable(options, results));
        }
    }

    private static async Task<SizeResult> MeasureAsync(BenchOptions options, CrossCheckData data, TextWriter error, CancellationToken cancellationToken)
    {
        await using var fresh = await FreshDatabase.CreateAsync(options.Provider, options.Connection, cancellationToken);
        var database = CrossCheckSetup.Connection(fresh.Options);
        await error.WriteLineAsync($"{options.Provider} {data.Size.Name}: loading {data.Folder} into a fresh database");
        var steps = await CrossCheckSetup.RunAsync(database, data, error, cancellationToken);
        var taxRows = await BenchSql.CountAsync(database, "registry_tax_employee", cancellationToken);
        var siRows = await BenchSql.CountAsync(database, "registry_si_participation", cancellationToken);

        var loadBefore = MachineLoad.OneMinute();
        var prepared = options with { Database = database.ConnectionString };
        var runs = new List<CrossCheckMeasurement>();
        var fullRuns = new List<CrossCheckMeasurement>();
        var shapes = CrossCheckBaselineRun.Shapes.Keys.ToDictionary(s => s, _ => new List<CrossCheckBaselineMeasurement>());
        var stopped = new Dictionary<string, CrossCheckBaselineMeasurement>();
        int? limit = null;
        for (var round = 1; round <= options.Warmup + options.Runs; round++)
        {
            var warmup = round <= options.Warmup;
            var run = await ChildProcess.MeasureAsync<CrossCheckMeasurement>(prepared, RunKind.CrossCheckHeadcount, cancellationToken);
            limit ??= Math.Max(ShapeLimitFloorSeconds, (int)Math.Ceiling(ShapeLimitFactor * run.Run.TotalSeconds));
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"{options.Provider} {data.Size.Name} round {round}/{options.Warmup + options.Runs}{(warmup ? " (warm-up, discarded)" : "")}: " +
                $"run {run.Run.TotalSeconds:F2} s (finding {run.Candidates.TotalSeconds:F2} s, bookkeeping {run.Bookkeeping.TotalSeconds:F2} s, " +
                $"outside {run.OutsideStatements.TotalSeconds:F2} s), cold {run.Cold?.TotalSeconds:F2} s, re-run {run.Rerun?.TotalSeconds:F2} s ({run.Counts.GetValueOrDefault(FindingKinds.HeadcountGap):N0} gaps)"));
            foreach (var shape in shapes.Keys.Where(s => !stopped.ContainsKey(s)))
            {
                var baseline = await ChildProcess.MeasureAsync<CrossCheckBaselineMeasurement>(
                    prepared with { Shape = shape, LimitSeconds = limit }, RunKind.CrossCheckBaseline, cancellationToken);
                line.Append(CultureInfo.InvariantCulture, $", {shape} {(baseline.Stopped ? "stopped after " : "")}{baseline.Elapsed.TotalSeconds:F2} s");
                if (baseline.Stopped)
                {
                    stopped[shape] = baseline;
                }
                else if (!warmup)
                {
                    shapes[shape].Add(baseline);
                }
            }

            var full = await ChildProcess.MeasureAsync<CrossCheckMeasurement>(prepared, RunKind.CrossCheckAll, cancellationToken);
            line.Append(CultureInfo.InvariantCulture, $", full run {full.Run.TotalSeconds:F2} s; load {MachineLoad.OneMinute():F2}");
            await error.WriteLineAsync(line.ToString());
            if (!warmup)
            {
                runs.Add(run);
                fullRuns.Add(full);
            }
        }

        var completed = shapes.Where(s => !stopped.ContainsKey(s.Key) && s.Value.Count > 0).ToDictionary(s => s.Key, s => s.Value);
        if (completed.Count == 0)
        {
            throw new BenchFailedException($"Every shape of the baseline was stopped at {limit} s: nothing to compare the run with.");
        }

        EnsureSameGaps(runs, fullRuns, completed);
        var environment = string.Create(CultureInfo.InvariantCulture,
            $"1-minute load average {loadBefore?.ToString("F2") ?? "n/a"} before, {MachineLoad.OneMinute()?.ToString("F2") ?? "n/a"} after");
        return new SizeResult(data, taxRows, siRows, steps, runs, fullRuns, completed, stopped, environment);
    }

    /// <summary>
    /// The ratio means something only if every side found the same gaps: the run (its count and the findings
    /// it stored), the full run, and every shape of the baseline that finished.
    /// </summary>
    private static void EnsureSameGaps(
        List<CrossCheckMeasurement> runs, List<CrossCheckMeasurement> fullRuns, Dictionary<string, List<CrossCheckBaselineMeasurement>> shapes)
    {
        var found = runs.Concat(fullRuns).Select(r => (long)r.Counts.GetValueOrDefault(FindingKinds.HeadcountGap))
            .Concat(runs.Concat(fullRuns).Select(r => r.HeadcountFindings))
            .Concat(shapes.Values.SelectMany(s => s).Select(s => s.Rows))
            .Distinct().ToList();
        if (found.Count != 1)
        {
            throw new BenchFailedException(
                "The run and the baseline disagree on the headcount gaps: run " +
                string.Join("; ", runs.Select(r => $"{r.Counts.GetValueOrDefault(FindingKinds.HeadcountGap)} found, {r.HeadcountFindings} stored")) +
                ", full run " + string.Join("; ", fullRuns.Select(r => $"{r.Counts.GetValueOrDefault(FindingKinds.HeadcountGap)} found, {r.HeadcountFindings} stored")) +
                ", baseline " + string.Join("; ", shapes.Select(s => $"{s.Key} {string.Join("/", s.Value.Select(m => m.Rows))} rows")) + ".");
        }
    }

    private static string SizeTables(BenchOptions options, string engine, SizeResult result)
    {
        var run = Summary.Of(result.Runs, r => r.Run.TotalSeconds);
        var (bestShape, best) = result.Shapes.Select(s => (s.Key, Summary: Summary.Of(s.Value, m => m.Elapsed.TotalSeconds)))
            .OrderBy(s => s.Summary.Median).First();
        var gaps = result.Runs[0].Counts[FindingKinds.HeadcountGap];
        var fullFindings = result.FullRuns[0].Counts.Values.Sum();
        var rows = new List<(string, string, string)>
        {
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture,
                    $"**Cross-check run, headcount gap only**, in a warmed process (`--kind headcount_gap`: {gaps:N0} found, {result.Runs[0].HeadcountFindings:N0} findings stored)"),
                run, ResultTable.Seconds, bold: true),
            ResultTable.Row("… of which the finding statement (`INSERT … SELECT` over the feeds, straight into `compliance_finding` on a month's first run)", Summary.Of(result.Runs, r => r.Candidates.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row("… of which the findings' bookkeeping (kinds the month has findings of, counts; on a re-run, the merge)", Summary.Of(result.Runs, r => r.Bookkeeping.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row("… of which the other statements (as-of day, run record)", Summary.Of(result.Runs, r => r.OtherStatements.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row("… of which outside the database", Summary.Of(result.Runs, r => r.OutsideStatements.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture,
                    $"Full cross-check run, all {FindingKinds.All.Count} kinds, in a warmed process (information: {fullFindings:N0} findings, {result.FullRuns[0].Counts[FindingKinds.HeadcountGap]:N0} headcount gaps)"),
                Summary.Of(result.FullRuns, r => r.Run.TotalSeconds), ResultTable.Seconds),
            ResultTable.Row(string.Create(CultureInfo.InvariantCulture,
                    $"**Baseline: hand-written SQL, fastest shape: {bestShape}** ({result.Shapes[bestShape][0].Rows:N0} rows into a plain table)"),
                best, ResultTable.Seconds, bold: true),
        };
        foreach (var (shape, measurements) in result.Shapes.Where(s => s.Key != bestShape).OrderBy(s => Summary.Of(s.Value, m => m.Elapsed.TotalSeconds).Median))
        {
            rows.Add(ResultTable.Row($"Baseline, other shape: {shape}", Summary.Of(measurements, m => m.Elapsed.TotalSeconds), ResultTable.Seconds));
        }

        foreach (var (shape, measurement) in result.Stopped)
        {
            rows.Add(($"Baseline, other shape: {shape}", $"stopped after {ResultTable.Seconds(measurement.Elapsed.TotalSeconds)}", ""));
        }

        var cold = Summary.Of(result.Runs, r => r.Cold?.TotalSeconds);
        rows.Add(ResultTable.Row(string.Create(CultureInfo.InvariantCulture, $"**Ratio: run ÷ baseline**, target ≤ {RatioTarget:F1}×"),
            run / best, ResultTable.Ratio, bold: true));
        rows.Add(ResultTable.Row("The same run in a cold process (its first run: JIT, EF Core's first queries), as a new `baophu match run`", cold, ResultTable.Seconds));
        rows.Add(ResultTable.Row("Ratio: cold run ÷ baseline", cold / best, ResultTable.Ratio));
        rows.Add(ResultTable.Row(
            "The same run again on the findings it left, in the warmed process (a re-run: every finding found again, merged, its review kept; information)",
            Summary.Of(result.Runs, r => r.Rerun?.TotalSeconds), ResultTable.Seconds));

        var text = new StringBuilder(ResultTable.Write(
            string.Create(CultureInfo.InvariantCulture,
                $"{ResultTable.DisplayName(options.Provider)}, {result.Data.Size.Name} × {result.Data.Size.Name}: cross-check of {CrossCheckData.Period} " +
                $"({result.TaxRows:N0} tax-employees rows, {result.SiRows:N0} si-participants rows)"),
            $"Median and min of {ResultTable.Plural(options.Runs, "run")} after {ResultTable.Plural(options.Warmup, "warm-up")}, each in a new process on the same database " +
            $"(the run's process warmed by a first run), the findings emptied before each run. {ResultTable.Machine}; {engine}; {result.Environment}.",
            rows));
        text.AppendLine("| Setup (not measured; information) | Time | Rows stored |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var step in result.Steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {step.Name} | {ResultTable.Seconds(step.Elapsed.TotalSeconds)} | {(step.Rows > 0 ? step.Rows.ToString("N0", CultureInfo.InvariantCulture) : "")} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| Total | {ResultTable.Seconds(result.Steps.Sum(s => s.Elapsed.TotalSeconds))} | |");
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>Medians of the largest size over the smallest's; the target scales with the data (ten times the data, eleven times the time).</summary>
    private static string GrowthTable(BenchOptions options, List<SizeResult> results)
    {
        var (small, large) = (results.MinBy(r => r.Data.Size.Millions)!, results.MaxBy(r => r.Data.Size.Millions)!);
        var factor = (double)large.Data.Size.Millions / small.Data.Size.Millions;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"#### {ResultTable.DisplayName(options.Provider)}: {large.Data.Size.Name} × {large.Data.Size.Name} against {small.Data.Size.Name} × {small.Data.Size.Name}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Medians from the tables above; tax-employees rows {(double)large.TaxRows / small.TaxRows:F2} times, si-participants rows {(double)large.SiRows / small.SiRows:F2} times.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Measure | {small.Data.Size.Name} × {small.Data.Size.Name} | {large.Data.Size.Name} × {large.Data.Size.Name} | Ratio |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        void Line(string label, Func<SizeResult, double?> median, bool target)
        {
            var (a, b) = (median(small), median(large));
            var ratio = b / a is { } r ? ResultTable.Ratio(r) : "n/a";
            var cell = target ? $"**{ratio}** (target ≤ {ResultTable.Ratio(GrowthTarget * factor)})" : ratio;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {(a is { } x ? ResultTable.Seconds(x) : "n/a")} | {(b is { } y ? ResultTable.Seconds(y) : "n/a")} | {cell} |");
        }

        Line("**Cross-check run, headcount gap only**", r => Summary.Of(r.Runs, m => m.Run.TotalSeconds).Median, target: true);
        Line("Baseline, fastest shape", r => r.Shapes.Values.Select(s => Summary.Of(s, m => m.Elapsed.TotalSeconds).Median).Min(), target: false);
        Line("Full cross-check run, all kinds", r => Summary.Of(r.FullRuns, m => m.Run.TotalSeconds).Median, target: false);
        text.AppendLine();
        return text.ToString();
    }

    private sealed record SizeResult(
        CrossCheckData Data,
        long TaxRows,
        long SiRows,
        IReadOnlyList<SetupStep> Steps,
        List<CrossCheckMeasurement> Runs,
        List<CrossCheckMeasurement> FullRuns,
        Dictionary<string, List<CrossCheckBaselineMeasurement>> Shapes,
        Dictionary<string, CrossCheckBaselineMeasurement> Stopped,
        string Environment);
}
