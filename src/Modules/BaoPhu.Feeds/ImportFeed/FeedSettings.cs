using BaoPhu.Platform.Tabular;

namespace BaoPhu.Feeds.ImportFeed;

/// <summary>The <c>Feeds</c> configuration section.</summary>
internal sealed class FeedSettings
{
    /// <summary>
    /// The share of bad rows above which a whole file is refused (0.01 = 1%): a few bad rows are the
    /// sender's slips and are refused alone; more mean the file is wrong (another layout, another
    /// period) and storing the rest would mislead.
    /// </summary>
    public double MaxRejectedShare { get; set; } = 0.01;

    /// <summary>Problems kept per file for the page and the error report; the rest are counted.</summary>
    public int KeptProblems { get; set; } = 10_000;

    /// <summary>The largest file accepted, in bytes (a year of a large province's monthly list fits).</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The content an .xlsx may declare once unpacked; checked from its zip directory before anything is unpacked.</summary>
    public long MaxUnpackedBytes { get; set; } = TabularLimits.Default.MaxUnpackedBytes;

    /// <summary>Where uploaded files wait between the dry run and the commit; relative to the data folder.</summary>
    public string UploadFolder { get; set; } = "uploads";
}
