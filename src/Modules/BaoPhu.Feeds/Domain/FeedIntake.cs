using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Feeds.Domain;

/// <summary>
/// One file received for a feed, whatever became of it: committed (its rows carry its id), later
/// replaced by a re-sent file, checked in a dry run, or rejected. The history an official sees.
/// </summary>
internal sealed class FeedIntake
{
    private FeedIntake()
    {
    }

    public Guid Id { get; private set; }

    public string Feed { get; private set; } = "";

    /// <summary>yyyy-MM, yyyy, a snapshot's as-of month, or "" when none.</summary>
    public string Period { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string? Mapping { get; private set; }

    /// <summary>An uploaded file kept after a dry run, so that it can be imported as checked; null once gone.</summary>
    public string? StoredFile { get; private set; }

    public FeedOutcome Outcome { get; private set; }

    /// <summary>Set when a later file of the same feed and period replaced this one's rows.</summary>
    public Guid? ReplacedBy { get; private set; }

    public int Rows { get; private set; }

    public int Imported { get; private set; }

    public int Rejected { get; private set; }

    public int Replaced { get; private set; }

    public int Warnings { get; private set; }

    public int ProblemCount { get; private set; }

    public string? Encoding { get; private set; }

    /// <summary>Why the file was refused as a whole, "Vietnamese / English".</summary>
    public string? Reason { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public DateTime StartedUtc { get; private set; }

    public DateTime EndedUtc { get; private set; }

    public static FeedIntake From(
        FeedImportResult result, string fileName, string? mapping, string? storedFile, string requestedBy, DateTime startedUtc, DateTime endedUtc) => new()
        {
            StoredFile = result.Outcome == FeedOutcome.DryRun ? storedFile : null,
            Id = result.IntakeId,
            Feed = result.Feed,
            Period = result.Period ?? "",
            FileName = fileName,
            Mapping = mapping,
            Outcome = result.Outcome,
            Rows = result.Rows,
            Imported = result.Imported,
            Rejected = result.Rejected,
            Replaced = result.Replaced,
            Warnings = result.Warnings,
            ProblemCount = result.ProblemCount,
            Encoding = result.Encoding,
            Reason = result.Reason,
            RequestedBy = requestedBy,
            StartedUtc = startedUtc,
            EndedUtc = endedUtc,
        };

    public void ReplaceWith(Guid intakeId) => ReplacedBy = intakeId;

    public void ForgetFile() => StoredFile = null;
}

/// <summary>A row-level (or file-level, with no row) problem of an intake, kept for the error report.</summary>
internal sealed class FeedProblem
{
    public Guid IntakeId { get; set; }

    /// <summary>Order within the intake.</summary>
    public int Number { get; set; }

    public bool IsWarning { get; set; }

    public int? Row { get; set; }

    public string? Column { get; set; }

    public string? Value { get; set; }

    public string Message { get; set; } = "";
}
