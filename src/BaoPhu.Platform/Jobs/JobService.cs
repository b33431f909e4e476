using System.Text.Json;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Platform.Jobs;

/// <summary>
/// <see cref="IJobs"/>. Each read or write of the table uses a context of its own, so it never joins
/// a transaction the caller (or a handler enqueuing a follow-up) may have open.
/// </summary>
internal sealed class JobService(
    IServiceScopeFactory scopes, JobBoard board, JobExecutor executor, DatabaseOptions database, IActor actor, TimeProvider clock) : IJobs
{
    public static string UnknownKind(string kind) =>
        $"Không có xử lý cho loại việc '{kind}' / no handler is registered for job kind '{kind}'.";

    public async Task<JobView> EnqueueAsync(string kind, string title, object parameters, string? idempotencyKey, CancellationToken ct)
    {
        var job = await NewAsync(kind, title, parameters, idempotencyKey, JobState.Queued);
        if (idempotencyKey is not null
            && (board.HeldWithKey(kind, idempotencyKey) ?? (await WithDbAsync(db => LiveWithKeyAsync(db, kind, idempotencyKey, ct)))?.View()) is { } found
            && board.Overlay(found) is { IsFinished: false } existing)
        {
            return existing;
        }

        if (WritesMustWait)
        {
            board.Hold(job);
            return job.View();
        }

        var view = await WithDbAsync(async db =>
        {
            db.Add(job);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (idempotencyKey is not null)
            {
                // Another request with the same key got in between the look-up and the insert (the unique index).
                db.ChangeTracker.Clear();
                var winner = await LiveWithKeyAsync(db, kind, idempotencyKey, ct);
                if (winner is null)
                {
                    throw;
                }

                return winner.View();
            }

            return job.View();
        });
        board.Wake();
        return board.Overlay(view);
    }

    public async Task<JobView?> GetAsync(Guid id, CancellationToken ct)
    {
        var job = board.Held(id) ?? (await WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct)))?.View();
        return job is null ? null : board.Overlay(job);
    }

    public Task<IReadOnlyList<JobView>> RecentAsync(string? kind, int count, CancellationToken ct) => RecentAsync(kind, null, count, ct);

    public Task<IReadOnlyList<JobView>> RecentAsync(string? kind, string? requestedBy, int count, CancellationToken ct) => WithDbAsync(async db =>
    {
        var query = db.Set<Job>().AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(j => j.Kind == kind);
        }

        if (requestedBy is not null)
        {
            query = query.Where(j => j.RequestedBy == requestedBy);
        }

        var stored = await query.OrderByDescending(j => j.CreatedUtc).Take(count).ToListAsync(ct);
        var held = board.Held().Where(j => (kind is null || j.Kind == kind) && (requestedBy is null || j.RequestedBy == requestedBy));
        // Version 7 ids grow with time, so they order jobs created within the same tick.
        return (IReadOnlyList<JobView>)[.. stored.Select(j => j.View()).Concat(held)
            .OrderByDescending(j => j.CreatedUtc).ThenByDescending(j => j.Id).Take(count).Select(board.Overlay)];
    });

    public async Task RequestCancelAsync(Guid id, CancellationToken ct)
    {
        if (board.TryGet(id, out var live))
        {
            // Running here: trip the token directly; the flag reaches the row with the end (or, on PostgreSQL, the next beat).
            live.RequestCancel();
            return;
        }

        if (WritesMustWait || board.Held(id) is not null)
        {
            board.HoldCancel(id);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await WithDbAsync(async db =>
        {
            var jobs = db.Set<Job>();
            var cancelled = await jobs.Where(j => j.Id == id && j.State == JobState.Queued).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.CancelRequested, true).SetProperty(j => j.EndedUtc, now), ct);
            if (cancelled == 0 && database.Provider == DatabaseProvider.Postgres)
            {
                // Running in another process: its heartbeat reads the flag within about a second. On SQLite that
                // process's transaction would hold this write back until the job ended, so it is not attempted.
                await jobs.Where(j => j.Id == id && j.State == JobState.Running).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
            }

            return cancelled;
        });
    }

    public async Task<JobView> RunHereAsync(string kind, string title, object parameters, Action<JobView>? onProgress, CancellationToken ct)
    {
        var job = await NewAsync(kind, title, parameters, null, JobState.Running);
        job.StartedUtc = job.HeartbeatUtc = job.CreatedUtc;
        await WithDbAsync(db =>
        {
            db.Add(job);
            return db.SaveChangesAsync(ct);
        });
        return await executor.RunAsync(job, outerIsCancel: true, onProgress, ct);
    }

    private async Task<Job> NewAsync(string kind, string title, object parameters, string? idempotencyKey, JobState state)
    {
        // Refused here rather than by the runner later, so a caller's typo fails where it is made.
        var known = await InScopeAsync(services => Task.FromResult(services.GetServices<IJobHandler>().Any(h => h.Kind == kind)));
        if (!known)
        {
            throw new ArgumentException(UnknownKind(kind), nameof(kind));
        }

        return new Job
        {
            Kind = kind,
            Title = title.Length > 300 ? title[..300] : title,
            ParametersJson = JsonSerializer.Serialize(parameters, parameters.GetType(), JobJson.Options),
            IdempotencyKey = idempotencyKey,
            State = state,
            RequestedBy = actor.Name,
            RequestedById = actor.Id,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// SQLite, with a job running here: its transaction may hold the file's one write lock until it ends,
    /// so new jobs and cancels are held on the board and the runner writes them once it has ended.
    /// </summary>
    private bool WritesMustWait => database.Provider == DatabaseProvider.Sqlite && board.Count > 0;

    private static Task<Job?> LiveWithKeyAsync(BaoPhuDbContext db, string kind, string key, CancellationToken ct) =>
        db.Set<Job>().AsNoTracking()
            .Where(j => j.Kind == kind && j.IdempotencyKey == key && (j.State == JobState.Queued || j.State == JobState.Running))
            .FirstOrDefaultAsync(ct);

    private async Task<T> WithDbAsync<T>(Func<BaoPhuDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>());
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
