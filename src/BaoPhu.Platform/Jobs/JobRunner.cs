using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaoPhu.Platform.Jobs;

/// <summary>
/// The web host's runner: claims queued jobs and runs them, one at a time per kind (on SQLite one at
/// a time in all, since there is one writer), after writing what the board held meanwhile. Jobs a
/// dead process left running are marked failed, not run again: an all-or-nothing import is simply
/// sent again by its user.
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes, JobBoard board, JobExecutor executor, DatabaseOptions database, TimeProvider clock, ILogger<JobRunner> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    /// <summary>Two minutes of silence on PostgreSQL, where a live job beats every second.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        var lastSweep = DateTime.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                try
                {
                    // SQLite has no heartbeat, so only the first pass can tell a dead job; PostgreSQL's beats allow a regular sweep.
                    var now = clock.GetUtcNow().UtcDateTime;
                    if (lastSweep == DateTime.MinValue || (database.Provider == DatabaseProvider.Postgres && now - lastSweep >= SweepEvery))
                    {
                        await FailInterruptedAsync(stoppingToken);
                        lastSweep = now;
                    }

                    await WriteHeldAsync(stoppingToken);
                    while (await ClaimAsync(stoppingToken) is { } job)
                    {
                        running.Add(RunAsync(job, stoppingToken));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A locked SQLite file or a lost connection: try again at the next poll.
                    logger.LogWarning("Job runner pass failed: {ExceptionType}", e.GetType().Name);
                }

                await board.WaitAsync(PollEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // The running jobs see the stop through their tokens and record themselves as interrupted.
        await Task.WhenAll(running);
        try
        {
            // Jobs enqueued during the last one are kept for the next start rather than lost.
            await WriteHeldAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning("Jobs held in memory not written at stop: {ExceptionType}", e.GetType().Name);
        }
    }

    /// <summary>
    /// Writes the jobs and cancels held on the board while a job here had the SQLite file's write lock,
    /// now that none runs here; before the next claim, so a held cancel wins over the start.
    /// </summary>
    private async Task WriteHeldAsync(CancellationToken ct)
    {
        var (held, cancels) = board.Snapshot();
        if (board.Count > 0 || (held.Count == 0 && cancels.Count == 0))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>();
        foreach (var job in held)
        {
            db.Add(job);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
            {
                // A constraint: a job of the same kind and key got into the table first, and that one stands.
                logger.LogWarning("Held job {JobId} ({Kind}) not written: another has its key", job.Id, job.Kind);
                db.ChangeTracker.Clear();
            }

            board.Forget([job.Id], []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Job>().Where(j => cancels.Contains(j.Id) && j.State == JobState.Queued).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.CancelRequested, true).SetProperty(j => j.EndedUtc, now), ct);
        board.Forget([], cancels);
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        // Off the runner's loop, so a handler that starts with synchronous work does not hold up the claims.
        await Task.Yield();
        try
        {
            await executor.RunAsync(job, outerIsCancel: false, onProgress: null, stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogError("Job {JobId} ({Kind}) could not be recorded: {ExceptionType}", job.Id, job.Kind, e.GetType().Name);
        }
    }

    /// <summary>
    /// The oldest queued job of a kind not running anywhere (a running row, here or in another process,
    /// holds its kind), moved to running by a conditional update.
    /// </summary>
    internal async Task<Job?> ClaimAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite && board.Count > 0)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>().Set<Job>();
        // A few tries: another process may claim the same job first, which the update's condition detects.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var id = await jobs
                .Where(j => j.State == JobState.Queued && !jobs.Any(o => o.Kind == j.Kind && o.State == JobState.Running))
                .OrderBy(j => j.CreatedUtc).ThenBy(j => j.Id)
                .Select(j => (Guid?)j.Id)
                .FirstOrDefaultAsync(ct);
            if (id is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await jobs.Where(j => j.Id == id && j.State == JobState.Queued).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedUtc, now).SetProperty(j => j.HeartbeatUtc, now), ct);
            if (claimed == 1)
            {
                return await jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
            }
        }

        return null;
    }

    /// <summary>
    /// Running rows no live process owns: on PostgreSQL, silent for <see cref="StaleAfter"/>; on SQLite, any
    /// not running here when the runner starts. They fail rather than requeue, so nothing runs twice unasked.
    /// </summary>
    internal async Task<int> FailInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>().Set<Job>();
        var now = clock.GetUtcNow().UtcDateTime;
        var here = board.Ids;
        var orphans = jobs.Where(j => j.State == JobState.Running && !here.Contains(j.Id));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var silentSince = now - StaleAfter;
            orphans = orphans.Where(j => j.HeartbeatUtc == null || j.HeartbeatUtc < silentSince);
        }

        return await orphans.ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.Error, JobExecutor.InterruptedMessage).SetProperty(j => j.EndedUtc, now), ct);
    }
}
