using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Platform.Tests.Jobs;

/// <summary>Lets a test look at a job while its handler is in the middle of its work.</summary>
public sealed class JobGate
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed record CountParameters(int Count);

/// <summary>Counts to its parameter, reporting each step, and answers with a link.</summary>
public sealed class CountingHandler : IJobHandler
{
    public const string JobKind = "test.count";

    public string Kind => JobKind;

    public Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var count = context.Parameters<CountParameters>().Count;
        for (var i = 1; i <= count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.Progress.Report(i, count, $"Đã đếm {i} / counted {i}");
        }

        return Task.FromResult<object?>(new { link = $"/counted/{count}", count });
    }
}

/// <summary>
/// Writes audit rows inside a transaction it keeps open, as an import does, reports progress, then
/// waits at the gate before committing: on SQLite the database's one write lock is held meanwhile.
/// </summary>
public sealed class WritingHandler(BaoPhuDbContext db, AuditLog audit, JobGate gate) : IJobHandler
{
    public const string JobKind = "test.write";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var row = 1; row <= 3; row++)
        {
            await audit.WriteAsync(JobKind, "test", $"{context.JobId}/{row}", null, cancellationToken);
        }

        context.Progress.Report(3, 10, "Đã ghi 3 dòng / 3 rows written");
        gate.Reached.TrySetResult();
        await gate.Release.Task.WaitAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}

/// <summary>Refuses its work the way a handler refuses a bad file.</summary>
public sealed class FailingHandler : IJobHandler
{
    public const string JobKind = "test.fail";

    public const string Refusal = "Tệp không hợp lệ / the file is not valid";

    public string Kind => JobKind;

    public Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken) => throw new InvalidOperationException(Refusal);
}
