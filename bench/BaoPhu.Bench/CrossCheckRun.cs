using System.Diagnostics;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Bench;

/// <summary>
/// Cross-check runs of the generated month on the prepared database, through the application's own
/// services as <c>baophu match run --period 2025-01 [--kind headcount_gap]</c> runs them: the findings
/// and the run record, in one transaction. The process first runs the headcount gap cold, as a new
/// <c>baophu match run</c> does (JIT, EF Core's first queries); that time is kept apart. Then the measured
/// run, of the headcount gap or of every kind, in the warmed process, as a host that has run before: the
/// month's first run. Each of those starts from the same state: no finding, no run, no candidate (on
/// PostgreSQL those tables vacuumed), set before the clock, as are the process's start, composing the
/// services and building the EF Core model; the log is checkpointed then, so that the run's commit
/// writes out its own pages only. Last, the same run again on the findings the measured run left (a
/// re-run: every finding found again through the candidates and the merge), as information.
/// </summary>
internal static class CrossCheckRun
{
    public static async Task<CrossCheckMeasurement> MeasureAsync(BenchOptions options, bool headcountOnly, CancellationToken cancellationToken)
    {
        var database = new DatabaseOptions(options.Provider, options.Database
            ?? throw new BenchUsageException("--database is required for a cross-check run."));
        await using var services = await AppServices.MigratedAsync(database, cancellationToken);
        IReadOnlyList<string>? kinds = headcountOnly ? [FindingKinds.HeadcountGap] : null;
        var cold = await RunAsync(services, database, [FindingKinds.HeadcountGap], reset: true, cancellationToken);
        var warm = await RunAsync(services, database, kinds, reset: true, cancellationToken);
        var again = await RunAsync(services, database, kinds, reset: false, cancellationToken);
        return warm with { Cold = cold.Run, Rerun = again.Run };
    }

    private static async Task<CrossCheckMeasurement> RunAsync(
        IServiceProvider services, DatabaseOptions database, IReadOnlyList<string>? kinds, bool reset, CancellationToken cancellationToken)
    {
        if (reset)
        {
            await ResetAsync(database, cancellationToken);
        }
        else
        {
            await BenchSql.CheckpointAsync(database, cancellationToken);
        }

        using var statements = StatementTimes.Listen();
        CrossCheckResult result;
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<ICrossCheck>().RunAsync(
                new CrossCheckRequest(CrossCheckData.Period, Kinds: kinds), cancellationToken);
        }

        var elapsed = watch.Elapsed;
        var findings = await BenchSql.ScalarAsync(database,
            $"SELECT COUNT(*) FROM compliance_finding WHERE kind = '{FindingKinds.HeadcountGap}' AND NOT gone", cancellationToken);
        return new CrossCheckMeasurement(elapsed, statements.Candidates, statements.Bookkeeping, statements.Other, result.Counts, findings);
    }

    /// <summary>The state before the month's first run: the Compliance module's tables empty.</summary>
    private static async Task ResetAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        string[] tables = ["compliance_candidate", "compliance_finding_event", "compliance_finding", "compliance_run"];
        await BenchSql.ExecuteAsync(database, cancellationToken, [.. tables.Select(t => $"DELETE FROM {t}")]);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // The deleted rows of the previous run would otherwise still be there for this one to step over.
            await BenchSql.ExecuteAsync(database, cancellationToken, $"VACUUM {string.Join(", ", tables)}");
        }

        await BenchSql.CheckpointAsync(database, cancellationToken);
    }

    /// <summary>
    /// Where the run's time goes, from EF Core's own diagnostic events (the time of each command the
    /// run sends), so that the application's composition is not touched.
    /// </summary>
    private sealed class StatementTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];

        public TimeSpan Candidates { get; private set; }

        public TimeSpan Bookkeeping { get; private set; }

        public TimeSpan Other { get; private set; }

        public static StatementTimes Listen()
        {
            var times = new StatementTimes();
            times.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(times));
            return times;
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed)
            {
                return;
            }

            var sql = executed.Command.CommandText;
            if (sql.StartsWith("INSERT INTO compliance_", StringComparison.Ordinal) && sql.Contains("FROM registry_", StringComparison.Ordinal))
            {
                Candidates += executed.Duration;
            }
            else if (sql.Contains("compliance_finding", StringComparison.Ordinal) || sql.Contains("DELETE FROM \"compliance_candidate\"", StringComparison.Ordinal))
            {
                Bookkeeping += executed.Duration;
            }
            else
            {
                Other += executed.Duration;
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
