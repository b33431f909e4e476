namespace BaoPhu.Bench;

/// <summary>
/// Benchmarks of BaoPhu against baselines; results go to docs/benchmarks.md. Speed and memory are shown
/// here, never by timed tests. The parent process only starts runs and reports; every run is a child.
/// </summary>
internal static class BenchApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Let the run drop its database before the process ends.
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            var options = BenchOptions.Parse(args);
            switch (options.SingleRun)
            {
                case RunKind.Import:
                    ChildProcess.WriteResult(output, await ImportRun.MeasureAsync(options, NationalImportFiles.In(options.DataDirectory), cancellation.Token));
                    return 0;
                case RunKind.Baseline:
                    ChildProcess.WriteResult(output, await BaselineRun.MeasureAsync(options, NationalImportFiles.In(options.DataDirectory), cancellation.Token));
                    return 0;
                case RunKind.Dashboard or RunKind.DashboardBaseline:
                    ChildProcess.WriteResult(output, await DashboardRun.MeasureAsync(options, options.SingleRun.Value, cancellation.Token));
                    return 0;
                case RunKind.FeedImport or RunKind.FeedImportOnly:
                    ChildProcess.WriteResult(output, await FeedImportRun.MeasureAsync(options, refresh: options.SingleRun == RunKind.FeedImport, cancellation.Token));
                    return 0;
                case RunKind.FeedBaseline:
                    ChildProcess.WriteResult(output, await FeedBaselineRun.MeasureAsync(options, cancellation.Token));
                    return 0;
                case RunKind.CrossCheckHeadcount or RunKind.CrossCheckAll:
                    ChildProcess.WriteResult(output, await CrossCheckRun.MeasureAsync(options, headcountOnly: options.SingleRun == RunKind.CrossCheckHeadcount, cancellation.Token));
                    return 0;
                case RunKind.CrossCheckBaseline:
                    ChildProcess.WriteResult(output, await CrossCheckBaselineRun.MeasureAsync(options, cancellation.Token));
                    return 0;
                case null when options.Benchmark == BenchOptions.CrossCheck:
                    await CrossCheckBenchmark.RunAsync(options, output, error, cancellation.Token);
                    return 0;
                case null when options.Benchmark == BenchOptions.FeedsImport:
                    await FeedsImportBenchmark.RunAsync(options, output, error, cancellation.Token);
                    return 0;
                case null when options.Benchmark == BenchOptions.Dashboard:
                    await DashboardBenchmark.RunAsync(options, output, error, cancellation.Token);
                    return 0;
                default:
                    NationalImportFiles.In(options.DataDirectory);
                    await UnitsImportBenchmark.RunAsync(options, output, error, cancellation.Token);
                    return 0;
            }
        }
        catch (BenchUsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }
        catch (BenchFailedException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }
}
