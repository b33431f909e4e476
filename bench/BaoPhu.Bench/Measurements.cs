using System.Text.Json.Serialization;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Bench;

/// <summary>One run of the full national import, measured in a process of its own.</summary>
/// <param name="AllocatedBytes">Managed bytes allocated during the two imports (not the peak heap: garbage included).</param>
internal sealed record ImportMeasurement(
    TimeSpan UnitList, TimeSpan Merger, long? PeakRssBytes, long AllocatedBytes, UnitImportResult UnitListResult, UnitImportResult MergerResult)
{
    [JsonIgnore]
    public TimeSpan Total => UnitList + Merger;

    [JsonIgnore]
    public int UnitsWritten => UnitListResult.Created + MergerResult.Created;
}

/// <summary>One run of the baseline: the same files read into rows, and the rows bulk-loaded into bare tables.</summary>
internal sealed record BaselineMeasurement(
    TimeSpan Read, TimeSpan Load, long? PeakRssBytes, long AllocatedBytes, int Units, int Links)
{
    [JsonIgnore]
    public TimeSpan Total => Read + Load;
}

/// <summary>One feed file imported through the application, measured in a process of its own.</summary>
/// <param name="PeakRssBytes">VmHWM right after the import, before the refresh.</param>
/// <param name="PeakRssAfterRefreshBytes">VmHWM at the end, the deferred refresh included.</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the import (garbage included).</param>
internal sealed record FeedImportMeasurement(
    TimeSpan Import, TimeSpan Refresh, long? PeakRssBytes, long? PeakRssAfterRefreshBytes, long AllocatedBytes,
    int Rows, int Imported, int Rejected, int Warnings);

/// <summary>One run of the engine's bare loader on the same file.</summary>
/// <param name="PeakRssBytes">The loader process's VmHWM (SQLite); null for psql, which is another program.</param>
internal sealed record FeedBaselineMeasurement(TimeSpan Load, long? PeakRssBytes, long Rows);
