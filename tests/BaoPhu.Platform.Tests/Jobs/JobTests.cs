using BaoPhu.Database;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BaoPhu.Platform.Tests.Jobs;

/// <summary>Jobs on each provider: queued, run by the runner, watched, cancelled, run from the command line.</summary>
public abstract class JobTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestDatabase db = null!;
    private ServiceProvider services = null!;
    private IHostedService? runner;

    protected JobGate Gate => services.GetRequiredService<JobGate>();

    protected TestDatabase Database => db;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        services = NewProcess();
    }

    /// <summary>The services of one process: its own board and runner over the shared database.</summary>
    protected ServiceProvider NewProcess() => new ServiceCollection()
        .AddLogging()
        .AddBaoPhu(db.Configuration)
        .AddSingleton<JobGate>()
        .AddJobHandler<CountingHandler>()
        .AddJobHandler<WritingHandler>()
        .AddJobHandler<FailingHandler>()
        .AddJobRunner()
        .BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        Gate.Release.TrySetResult();
        if (runner is not null)
        {
            await runner.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
        await db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Enqueue_WhenTheRunnerRuns_SucceedsWithTheResultAndProgress()
    {
        await StartRunnerAsync();

        var queued = await Jobs(j => j.EnqueueAsync(CountingHandler.JobKind, "Đếm đến 5", new CountParameters(5), null, CancellationToken.None));
        var ended = await FinishedAsync(queued.Id);

        Assert.Equal(JobState.Succeeded, ended.State);
        Assert.Equal("system", ended.RequestedBy);
        Assert.Equal((5L, (long?)5L), (ended.Done, ended.Total));
        Assert.Equal("Đã đếm 5 / counted 5", ended.Message);
        Assert.Contains("\"link\":\"/counted/5\"", ended.ResultJson);
        Assert.NotNull(ended.StartedUtc);
        Assert.True(ended.EndedUtc >= ended.StartedUtc);
    }

    [Fact]
    public async Task Enqueue_WithTheKeyOfARunningJob_ReturnsThatJobAndAfterItEndsANewOne()
    {
        await StartRunnerAsync();
        var first = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Nhập tệp", new { file = "a.csv" }, "a.csv#1", CancellationToken.None));
        await Gate.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        var again = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Nhập tệp", new { file = "a.csv" }, "a.csv#1", CancellationToken.None));
        Gate.Release.TrySetResult();
        await FinishedAsync(first.Id);
        var afterwards = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Nhập tệp", new { file = "a.csv" }, "a.csv#1", CancellationToken.None));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(JobState.Running, again.State);
        Assert.NotEqual(first.Id, afterwards.Id);
    }

    [Fact]
    public async Task Runner_WithTwoJobsOfOneKind_RunsTheSecondOnlyAfterTheFirst()
    {
        await StartRunnerAsync();
        var first = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Tệp 1", new { }, null, CancellationToken.None));
        await Gate.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var second = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Tệp 2", new { }, null, CancellationToken.None));

        // Longer than a poll and than the wake-up the enqueue sends.
        await Task.Delay(JobRunner.PollEvery * 2, TestContext.Current.CancellationToken);
        var waiting = await Jobs(j => j.GetAsync(second.Id, CancellationToken.None));
        Gate.Release.TrySetResult();
        var firstEnded = await FinishedAsync(first.Id);
        var secondEnded = await FinishedAsync(second.Id);

        Assert.Equal(JobState.Queued, waiting?.State);
        Assert.Equal(JobState.Succeeded, secondEnded.State);
        Assert.True(secondEnded.StartedUtc >= firstEnded.EndedUtc);
        Assert.Equal(6, await CountWrittenRowsAsync());
    }

    [Fact]
    public async Task RequestCancel_OfAJobQueuedBehindARunningOne_CancelsItWithoutWaiting()
    {
        await StartRunnerAsync();
        var first = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Tệp 1", new { }, null, CancellationToken.None));
        await Gate.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // On SQLite the first job's transaction holds the write lock: neither call may wait for it.
        var second = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Tệp 2", new { }, "tep-2", CancellationToken.None))
            .WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Jobs(async j =>
        {
            await j.RequestCancelAsync(second.Id, CancellationToken.None);
            return 0;
        }).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var shownCancelled = await Jobs(j => j.GetAsync(second.Id, CancellationToken.None));
        var listed = await Jobs(j => j.RecentAsync(WritingHandler.JobKind, 10, CancellationToken.None));
        Gate.Release.TrySetResult();
        var firstEnded = await FinishedAsync(first.Id);
        await Task.Delay(JobRunner.PollEvery * 2, TestContext.Current.CancellationToken);
        var secondEnded = await Jobs(j => j.GetAsync(second.Id, CancellationToken.None));
        var secondRow = await db.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == second.Id));

        Assert.Equal(JobState.Cancelled, shownCancelled?.State);
        Assert.Equal(JobState.Cancelled, secondRow?.State);
        Assert.Equal([second.Id, first.Id], listed.Select(j => j.Id));
        Assert.Equal(JobState.Succeeded, firstEnded.State);
        Assert.Equal(JobState.Cancelled, secondEnded?.State);
        Assert.Null(secondEnded?.StartedUtc);
        Assert.Equal(3, await CountWrittenRowsAsync());
    }

    [Fact]
    public async Task GetAsync_WhileTheHandlerHoldsAnOpenWriteTransaction_ShowsItsProgressAtOnce()
    {
        await StartRunnerAsync();
        var queued = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Nhập tệp", new { }, null, CancellationToken.None));
        await Gate.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Another scope, another connection: on SQLite a write here would wait for the handler's commit.
        var running = await Jobs(j => j.GetAsync(queued.Id, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var recent = await Jobs(j => j.RecentAsync(WritingHandler.JobKind, 10, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var uncommitted = await CountWrittenRowsAsync();

        Assert.Equal(0, uncommitted);
        Assert.Equal(JobState.Running, running?.State);
        Assert.Equal((3L, (long?)10L, "Đã ghi 3 dòng / 3 rows written"), (running!.Done, running.Total, running.Message));
        Assert.Equal(3L, Assert.Single(recent).Done);
        if (provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL also keeps the row itself current, for other processes.
            var row = await PollAsync(() => db.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Set<Job>().AsNoTracking().SingleAsync(j => j.Id == queued.Id)), j => j.Done == 3);
            Assert.Equal("Đã ghi 3 dòng / 3 rows written", row.Message);
        }

        Gate.Release.TrySetResult();
        var ended = await FinishedAsync(queued.Id);
        Assert.Equal(JobState.Succeeded, ended.State);
        Assert.Equal(3, await CountWrittenRowsAsync());
    }

    [Fact]
    public async Task RequestCancel_WhileRunning_StopsTheHandlerAndRollsBackItsRows()
    {
        await StartRunnerAsync();
        var queued = await Jobs(j => j.EnqueueAsync(WritingHandler.JobKind, "Nhập tệp", new { }, null, CancellationToken.None));
        await Gate.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        await Jobs(async j =>
        {
            await j.RequestCancelAsync(queued.Id, CancellationToken.None);
            return 0;
        });
        var ended = await FinishedAsync(queued.Id);

        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.True(ended.CancelRequested);
        Assert.Null(ended.Error);
        Assert.Equal(0, await CountWrittenRowsAsync());
    }

    [Fact]
    public async Task RequestCancel_OfAQueuedJob_CancelsItBeforeItStarts()
    {
        var queued = await Jobs(j => j.EnqueueAsync(CountingHandler.JobKind, "Đếm", new CountParameters(3), null, CancellationToken.None));

        await Jobs(async j =>
        {
            await j.RequestCancelAsync(queued.Id, CancellationToken.None);
            return 0;
        });
        await StartRunnerAsync();
        var later = await Jobs(j => j.EnqueueAsync(CountingHandler.JobKind, "Đếm", new CountParameters(3), null, CancellationToken.None));
        await FinishedAsync(later.Id);
        var cancelled = await Jobs(j => j.GetAsync(queued.Id, CancellationToken.None));

        Assert.Equal(JobState.Cancelled, cancelled?.State);
        Assert.Null(cancelled?.StartedUtc);
        Assert.Equal(0, cancelled?.Done);
    }

    [Fact]
    public async Task Runner_WhenAHandlerThrows_FailsTheJobWithItsMessage()
    {
        await StartRunnerAsync();

        var queued = await Jobs(j => j.EnqueueAsync(FailingHandler.JobKind, "Nhập tệp hỏng", new { }, null, CancellationToken.None));
        var ended = await FinishedAsync(queued.Id);

        Assert.Equal(JobState.Failed, ended.State);
        Assert.Equal(FailingHandler.Refusal, ended.Error);
        Assert.Null(ended.ResultJson);
    }

    [Fact]
    public async Task Runner_WhenItStartsWithARunningJobNoProcessOwns_MarksItInterruptedAndDoesNotRunIt()
    {
        var orphan = await AddRunningRowAsync(heartbeatAgo: TimeSpan.FromMinutes(5));

        await StartRunnerAsync();
        var ended = await FinishedAsync(orphan);

        Assert.Equal(JobState.Failed, ended.State);
        Assert.Equal("Bị gián đoạn (máy chủ dừng giữa chừng) / Interrupted (the server stopped mid-way)", ended.Error);
        Assert.Equal(0, ended.Done);
        Assert.Null(ended.ResultJson);
    }

    [Fact]
    public async Task RunHere_InACommandLineProcess_RecordsTheJobRowAndReportsProgress()
    {
        // Services as the command line builds them: no logging, no runner.
        await using var commandLine = new ServiceCollection().AddBaoPhu(db.Configuration).AddJobHandler<CountingHandler>().BuildServiceProvider();
        var seen = new List<JobView>();

        var ended = await Jobs(commandLine, j => j.RunHereAsync(CountingHandler.JobKind, "Đếm đến 4", new CountParameters(4), seen.Add, CancellationToken.None));
        var stored = await Jobs(j => j.GetAsync(ended.Id, CancellationToken.None));

        Assert.Equal(JobState.Succeeded, stored?.State);
        Assert.Equal("Đếm đến 4", stored?.Title);
        Assert.Equal("system", stored?.RequestedBy);
        Assert.Equal(4, stored?.Done);
        Assert.Contains("\"count\":4", stored?.ResultJson);
        Assert.Contains(seen, v => v.State == JobState.Running && v.Done == 1 && v.Total == 4);
        Assert.Equal(JobState.Succeeded, seen[^1].State);
    }

    [Fact]
    public async Task RunHere_WhenTheCallerCancels_RecordsCancelledAndRollsBack()
    {
        using var ctrlC = new CancellationTokenSource();
        var running = Jobs(j => j.RunHereAsync(WritingHandler.JobKind, "Nhập tệp", new { }, null, ctrlC.Token));
        await Gate.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        await ctrlC.CancelAsync();
        var ended = await running;

        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.Equal(0, await CountWrittenRowsAsync());
    }

    [Fact]
    public async Task Enqueue_OfAKindWithoutHandler_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<ArgumentException>(() =>
            Jobs(j => j.EnqueueAsync("units.import", "Nhập đơn vị", new { }, null, CancellationToken.None)));

        Assert.Contains("units.import", refusal.Message);
        Assert.Empty(await Jobs(j => j.RecentAsync(null, 10, CancellationToken.None)));
    }

    /// <summary>A job row left running by some process, its last heartbeat <paramref name="heartbeatAgo"/> ago.</summary>
    protected async Task<Guid> AddRunningRowAsync(TimeSpan heartbeatAgo)
    {
        var row = new Job
        {
            Kind = CountingHandler.JobKind,
            Title = "Đếm",
            ParametersJson = "{\"count\":3}",
            State = JobState.Running,
            RequestedBy = "nguyen.van.an",
            CreatedUtc = DateTime.UtcNow.AddMinutes(-10),
            StartedUtc = DateTime.UtcNow.AddMinutes(-10),
            HeartbeatUtc = DateTime.UtcNow - heartbeatAgo,
        };
        await db.InScopeAsync(s =>
        {
            var context = s.GetRequiredService<BaoPhuDbContext>();
            context.Add(row);
            return context.SaveChangesAsync();
        });
        return row.Id;
    }

    protected async Task StartRunnerAsync()
    {
        runner = services.GetServices<IHostedService>().Single(s => s is JobRunner);
        await runner.StartAsync(CancellationToken.None);
    }

    /// <summary>Each call in a scope of its own, as each request of the web host would.</summary>
    protected Task<T> Jobs<T>(Func<IJobs, Task<T>> work) => Jobs(services, work);

    protected static async Task<T> Jobs<T>(IServiceProvider process, Func<IJobs, Task<T>> work)
    {
        await using var scope = process.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IJobs>());
    }

    protected Task<JobView> FinishedAsync(Guid id) => PollAsync(async () => (await Jobs(j => j.GetAsync(id, CancellationToken.None)))!, j => j.IsFinished);

    protected Task<int> CountWrittenRowsAsync() =>
        db.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().AuditEntries.CountAsync(a => a.Kind == WritingHandler.JobKind));

    protected static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class SqliteJobTests() : JobTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Runner_WhenItStarts_FailsEvenARecentRunningRowNotRunningHere()
    {
        // SQLite rows have no heartbeat while they run, so a start cannot tell a recent job from a dead one.
        var recent = await AddRunningRowAsync(heartbeatAgo: TimeSpan.FromSeconds(5));

        await StartRunnerAsync();
        var ended = await FinishedAsync(recent);

        Assert.Equal(JobState.Failed, ended.State);
    }
}

public sealed class PostgresJobTests() : JobTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Runner_WhenItStarts_LeavesARunningJobWithAFreshHeartbeatAlone()
    {
        var alive = await AddRunningRowAsync(heartbeatAgo: TimeSpan.FromSeconds(5));
        var dead = await AddRunningRowAsync(heartbeatAgo: TimeSpan.FromMinutes(3));

        await StartRunnerAsync();
        await FinishedAsync(dead);
        var stillRunning = await Jobs(j => j.GetAsync(alive, CancellationToken.None));

        Assert.Equal(JobState.Running, stillRunning?.State);
    }

    [Fact]
    public async Task RequestCancel_OfAJobRunningInAnotherProcess_ReachesItThroughTheRow()
    {
        await using var commandLine = NewProcess();
        var gate = commandLine.GetRequiredService<JobGate>();
        var running = Jobs(commandLine, j => j.RunHereAsync(WritingHandler.JobKind, "Nhập tệp", new { }, null, CancellationToken.None));
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var seen = await PollAsync(
            async () => (await Jobs(j => j.RecentAsync(WritingHandler.JobKind, 1, CancellationToken.None))).Single(),
            j => j.Done == 3);

        await Jobs(async j =>
        {
            await j.RequestCancelAsync(seen.Id, CancellationToken.None);
            return 0;
        });
        var ended = await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("Đã ghi 3 dòng / 3 rows written", seen.Message);
        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.Equal(0, await CountWrittenRowsAsync());
    }
}
