namespace BaoPhu.Feeds.Contracts;

/// <summary>How a feed's rows are dated, which decides what a re-sent file replaces.</summary>
public enum FeedPeriodKind
{
    /// <summary>Rows carry a <c>period</c> (yyyy-MM); a file covers one month.</summary>
    Month,

    /// <summary>Rows carry a <c>year</c>; a file covers one year.</summary>
    Year,

    /// <summary>
    /// The list as it stands (a registry extract), as of a month or undated: a file replaces the
    /// current list, so there is only ever one; a list dated before the current one is refused.
    /// </summary>
    Snapshot,
}

/// <summary>
/// A canonical column of FEEDS.md. <paramref name="Aliases"/> are headers agencies commonly use for
/// it (Vietnamese names), read without a saved mapping.
/// </summary>
public sealed record FeedColumn(string Name, bool Required, params string[] Aliases);

/// <summary>What every stored feed row carries: the import it came with and its row in that file (the evidence).</summary>
public interface IFeedRow
{
    Guid BatchId { get; set; }

    int SourceRow { get; set; }
}

/// <summary>
/// One feed of FEEDS.md: its columns, key and period, and how a file row becomes a stored row. The
/// module that owns the data defines it; the intake (staging, validation, replacement, jobs, pages)
/// is the same for all.
/// </summary>
public abstract class FeedDefinition
{
    private protected FeedDefinition()
    {
    }

    /// <summary>The feed's name in FEEDS.md, e.g. <c>tax-employees</c>.</summary>
    public abstract string Name { get; }

    public abstract string VietnameseTitle { get; }

    public abstract string EnglishTitle { get; }

    /// <summary>The title in the request's language, for pages.</summary>
    public string Title => Platform.Text.Localized.T(VietnameseTitle, EnglishTitle);

    public abstract FeedPeriodKind PeriodKind { get; }

    public abstract IReadOnlyList<FeedColumn> Columns { get; }

    /// <summary>The columns that identify a row within a file; a second row with the same values is a duplicate.</summary>
    public abstract IReadOnlyList<string> Key { get; }

    /// <summary>The stored row type (an entity of the owning module's model).</summary>
    public abstract Type RowType { get; }

    internal abstract Task<TResult> DispatchAsync<TResult>(IFeedDispatch<TResult> dispatch);
}

/// <summary>A feed whose rows are stored as <typeparamref name="TRow"/>.</summary>
public abstract class FeedDefinition<TRow> : FeedDefinition
    where TRow : class, IFeedRow
{
    public sealed override Type RowType => typeof(TRow);

    /// <summary>
    /// The stored row for the file's current row. Values are read through <paramref name="row"/>, which
    /// records every problem; a row with a problem is not stored, whatever this returns.
    /// </summary>
    public abstract TRow Read(FeedRow row);

    internal sealed override Task<TResult> DispatchAsync<TResult>(IFeedDispatch<TResult> dispatch) => dispatch.RunAsync(this);
}

/// <summary>Generic work over a feed whose row type is known only at run time.</summary>
internal interface IFeedDispatch<TResult>
{
    Task<TResult> RunAsync<TRow>(FeedDefinition<TRow> feed)
        where TRow : class, IFeedRow;
}

/// <summary>A feed and the period of one of its files ("" for a snapshot without one).</summary>
public sealed record FeedPeriod(string Feed, string Period);

/// <summary>Told after files are committed, to refresh what is derived from the feeds' rows.</summary>
public interface IFeedCommitted
{
    /// <summary>
    /// Runs after the commits, in its own transaction, with every feed and period whose rows changed:
    /// one file after an import, all stored files after a bulk load, so that work several files share
    /// (a month fed by three lists, tables rebuilt whole) is done once.
    /// </summary>
    Task OnCommittedAsync(IReadOnlyCollection<FeedPeriod> changed, CancellationToken cancellationToken);
}
