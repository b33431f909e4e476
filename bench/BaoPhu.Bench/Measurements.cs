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

/// <summary>One cross-check run through the application, in a process of its own warmed by a first run.</summary>
/// <param name="Run">The measured run, in the warmed process.</param>
/// <param name="Candidates">Time in the statements that find each kind over the feeds, one per kind, writing new findings (or, on a re-run, candidates).</param>
/// <param name="Bookkeeping">Time in the other statements on the findings: the kinds a month has findings of, the counts, and on a re-run the merge of the candidates.</param>
/// <param name="OtherStatements">Time in the run's other statements: the as-of day, the run record.</param>
/// <param name="Counts">The run's count per kind checked.</param>
/// <param name="HeadcountFindings">Headcount-gap findings standing in <c>compliance_finding</c> after the run.</param>
/// <param name="Cold">The process's first run, of the headcount gap alone, as a new <c>baophu match run</c> runs it.</param>
/// <param name="Rerun">The same run again on the findings it left: the month's re-run.</param>
internal sealed record CrossCheckMeasurement(
    TimeSpan Run, TimeSpan Candidates, TimeSpan Bookkeeping, TimeSpan OtherStatements, IReadOnlyDictionary<string, int> Counts, long HeadcountFindings,
    TimeSpan? Cold = null, TimeSpan? Rerun = null)
{
    [JsonIgnore]
    public TimeSpan OutsideStatements => Run - Candidates - Bookkeeping - OtherStatements;
}

/// <summary>One hand-written statement for the headcount gap, into a plain table.</summary>
/// <param name="Stopped">Still running at the time limit, and stopped: <paramref name="Elapsed"/> is the limit, <paramref name="Rows"/> 0.</param>
internal sealed record CrossCheckBaselineMeasurement(string Shape, TimeSpan Elapsed, long Rows, bool Stopped);
