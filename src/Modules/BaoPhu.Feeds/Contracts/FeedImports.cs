using BaoPhu.Platform.Tabular;

namespace BaoPhu.Feeds.Contracts;

/// <param name="Feed">A feed of FEEDS.md.</param>
/// <param name="File">The CSV or .xlsx file on disk.</param>
/// <param name="Period">yyyy-MM (monthly feeds), yyyy (yearly) or the as-of month of a snapshot; when null, the first row's.</param>
/// <param name="DryRun">Check everything and say what would happen, store no row.</param>
/// <param name="Mapping">The name of a saved column mapping for the agency's own headers.</param>
/// <param name="DisplayName">The file's name as its sender knows it (an upload is stored under another).</param>
/// <param name="DeferRefresh">Skip the refresh of derived data after the commit (a bulk load refreshes once at the end).</param>
public sealed record FeedImportRequest(
    string Feed, string File, string? Period = null, bool DryRun = false, string? Mapping = null, string? DisplayName = null, bool DeferRefresh = false);

public enum FeedOutcome
{
    /// <summary>Stored; replaced the earlier file of the same feed and period, if any.</summary>
    Committed,

    /// <summary>Checked only; nothing stored.</summary>
    DryRun,

    /// <summary>Refused as a whole (unreadable, wrong columns, or too many bad rows); nothing stored.</summary>
    Rejected,
}

/// <summary>What an import did, as the CLI prints it and the page shows it.</summary>
/// <param name="Rows">Data rows read from the file.</param>
/// <param name="Imported">Rows stored (or, in a dry run, that would be).</param>
/// <param name="Rejected">Rows refused, each with a problem.</param>
/// <param name="Replaced">Rows of the earlier file for the same feed and period that this one replaced (or would).</param>
/// <param name="Warnings">Rows stored with a remark (e.g. a national ID missing where the feed allows it).</param>
/// <param name="Problems">The first problems, for display; <see cref="ProblemCount"/> counts them all.</param>
public sealed record FeedImportResult(
    Guid IntakeId,
    string Feed,
    string? Period,
    FeedOutcome Outcome,
    int Rows,
    int Imported,
    int Rejected,
    int Replaced,
    int Warnings,
    string? Encoding,
    string? Reason,
    int ProblemCount,
    IReadOnlyList<TabularProblem> Problems);

/// <summary>Imports an agency file of any feed: staged, validated, then committed or not, all or nothing.</summary>
public interface IFeedImports
{
    /// <summary>The feeds this installation takes, by name.</summary>
    IReadOnlyList<string> Feeds { get; }

    /// <summary>
    /// Imports the file. A file that cannot be read or has too many bad rows comes back
    /// <see cref="FeedOutcome.Rejected"/> with its problems (nothing stored), not as an exception.
    /// </summary>
    Task<FeedImportResult> ImportAsync(FeedImportRequest request, IProgress<FeedProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Rows stored per feed, with the files they came from (targets and coverage-actuals are the Targets module's).</summary>
    Task<IReadOnlyList<FeedStats>> StatsAsync(CancellationToken cancellationToken);

    /// <summary>Refreshes what is derived from every stored file (after a bulk load with <c>DeferRefresh</c>); returns the files gone through.</summary>
    Task<int> RefreshAsync(CancellationToken cancellationToken);
}

/// <param name="Files">Files whose rows are stored (committed and not replaced).</param>
/// <param name="LatestPeriod">The latest period among them; "" for a snapshot without one, null when none.</param>
public sealed record FeedStats(string Feed, long Rows, int Files, string? LatestPeriod);

/// <summary>How far an import is: rows read, and bytes of the file read out of its size.</summary>
public sealed record FeedProgress(int Rows, long BytesRead, long Bytes, string Stage);
