using BaoPhu.Units.Contracts;

namespace BaoPhu.Targets.Contracts;

/// <summary>Imports of the <c>targets</c> and <c>coverage-actuals</c> feeds (CSV or .xlsx), all or nothing per file.</summary>
public interface ICoverageImports
{
    Task<CoverageImportResult> ImportTargetsAsync(string file, CancellationToken cancellationToken);

    Task<CoverageImportResult> ImportActualsAsync(string file, CancellationToken cancellationToken);

    /// <summary>The counts importing the file of <paramref name="feed"/> (targets, coverage-actuals) would give; nothing is stored.</summary>
    Task<CoverageImportResult> DryRunAsync(string feed, string file, CancellationToken cancellationToken);

    /// <summary>
    /// Sets actuals another module counted (the registry, from person-level lists) for the given
    /// months: each value replaces the stored one for its unit, indicator and month; a value this
    /// source stored earlier for one of <paramref name="indicators"/> in one of <paramref name="months"/>
    /// and not given again is removed (the count fell to nothing). Joins the caller's transaction if any.
    /// </summary>
    Task<CoverageImportResult> SetActualsAsync(
        string source, IReadOnlyCollection<string> indicators, IReadOnlyCollection<(int Year, int Month)> months, IReadOnlyList<ActualCount> values, CancellationToken cancellationToken);
}

/// <summary>A count for a unit and month (0 = the whole year), measured outside the Targets module.</summary>
public sealed record ActualCount(Guid UnitId, string Indicator, int Year, int Month, decimal Value);

/// <param name="Rows">Data rows read from the file.</param>
/// <param name="Imported">Rows that set a new or a different value.</param>
/// <param name="Replaced">Of those, rows that replaced an earlier value for the same key.</param>
/// <param name="Unchanged">Rows whose value was already stored.</param>
public sealed record CoverageImportResult(string Feed, int Rows, int Imported, int Replaced, int Unchanged);

/// <summary>Which numbers a report shows: the targets assigned for the year, or the actuals reached.</summary>
public enum ValueBasis
{
    Target,
    Actual,
}

/// <summary>Counts and rates of a unit and its children for a year, for reports in other modules.</summary>
public interface ICoverageReader
{
    /// <summary>
    /// The values of the given indicators for the unit with this code in force on <paramref name="on"/>
    /// (31 December of the year when null, or today for the current year), for each child unit and
    /// for the unit itself; null when no such unit.
    /// </summary>
    Task<UnitYearValues?> ValuesAsync(
        string unitCode, int year, DateOnly? on, ValueBasis basis, IReadOnlyCollection<string> indicators, CancellationToken cancellationToken);
}

/// <param name="Total">The unit itself: its own value where one is stored, else the sum of its children.</param>
public sealed record UnitYearValues(UnitRef Unit, int Year, DateOnly On, IReadOnlyList<UnitValues> Children, UnitValues Total);

/// <summary>Values by indicator code; counts unrounded (re-attribution can split them), rates in percent, null when unknown.</summary>
public sealed record UnitValues(UnitRef Unit, IReadOnlyDictionary<string, decimal?> Values);

/// <summary>The target workflow of the plans: set or propose, compare with the children, approve and lock, revise.</summary>
public interface ITargetWorkflow
{
    /// <summary>
    /// Sets the unit's target for the year (counts as counts, rates in percent). When the current
    /// version is approved, a new draft version is made and the approved one stays in force until
    /// the draft is approved.
    /// </summary>
    Task SetAsync(Guid unitId, int year, string indicator, decimal value, CancellationToken cancellationToken);

    /// <summary>Approves the draft targets of the unit and its children for the year under one decision, locking them; returns how many.</summary>
    Task<int> ApproveAsync(Guid unitId, int year, TargetDecision decision, CancellationToken cancellationToken);
}

/// <param name="Number">The decision's number, e.g. "12/NQ-HĐND".</param>
/// <param name="Body">Who decided: HĐND tỉnh, UBND huyện, …</param>
public sealed record TargetDecision(string Number, DateOnly Date, string Body, string? Note);

/// <summary>A target change refused, with a bilingual message for the user.</summary>
public sealed class TargetException(string message) : Exception(message);

/// <summary>
/// One indicator as the API and <c>baophu coverage show</c> print it. Counts are unrounded; percents
/// (a rate's target and actual, <see cref="Rate"/>, <see cref="Completion"/>) are rounded to one decimal.
/// </summary>
/// <param name="Rate">The indicator's rate: from the actual counts when there are some, else the planned rate of the targets; null for counts.</param>
/// <param name="Completion">Actual ÷ target in percent.</param>
/// <param name="AsOfMonth">The month the actual describes; 0 for a value of the whole year.</param>
public sealed record IndicatorResult(
    string Indicator, decimal? Target, decimal? Actual, decimal? Rate, decimal? Completion, string Status, int? AsOfMonth, decimal? Expected);

/// <summary>A unit's indicators for a year, as the hosts print them (<c>baophu coverage show</c>).</summary>
public sealed record CoverageSummary(string Unit, string Name, int Year, DateOnly On, IReadOnlyList<IndicatorResult> Indicators);

/// <summary>For the hosts: a unit's coverage summary, and rebuilding the pre-aggregated roll-up.</summary>
public interface ICoverageSummaries
{
    /// <summary>Null when no unit has the code on the date (31 December of the year, or today within the current year, when null).</summary>
    Task<CoverageSummary?> ShowAsync(string unitCode, int year, DateOnly? on, CancellationToken cancellationToken);

    /// <summary>Rebuilds the roll-up of every year, e.g. after lineage shares changed; returns the rows written.</summary>
    Task<int> RefreshAsync(CancellationToken cancellationToken);
}
