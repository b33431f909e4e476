namespace BaoPhu.Compliance.Contracts;

/// <summary>The kinds of finding a cross-check produces, as <c>truth.csv</c> and the exports name them.</summary>
public static class FindingKinds
{
    /// <summary>Active in the business registry past the 30-day registration period, employing, not registered for SI.</summary>
    public const string UnregisteredEmployer = "unregistered_employer";

    /// <summary>A person with taxable income at the employer in the month and no compulsory SI anywhere that month.</summary>
    public const string HeadcountGap = "headcount_gap";

    /// <summary>A person with wages from the employer in the month and no SI of any scheme that month.</summary>
    public const string UninsuredWorker = "uninsured_worker";

    /// <summary>Payroll declared to tax for a year above 1.05 times the insured wages declared to SI.</summary>
    public const string PayrollGap = "payroll_gap";

    /// <summary>A compulsory participant insured below the legal floor of the month.</summary>
    public const string WageBelowFloor = "wage_below_floor";

    /// <summary>Contributions of a month unpaid after the deadline, up to 60 days (chậm đóng).</summary>
    public const string LatePayment = "late_payment";

    /// <summary>Contributions of a month unpaid more than 60 days after the deadline (trốn đóng).</summary>
    public const string Evasion = "evasion";

    /// <summary>Dissolved, suspended or absconded, with contributions overdue.</summary>
    public const string ClosedWithArrears = "closed_with_arrears";

    public static IReadOnlyList<string> All { get; } =
        [UnregisteredEmployer, HeadcountGap, UninsuredWorker, PayrollGap, WageBelowFloor, LatePayment, Evasion, ClosedWithArrears];

    /// <summary>Kinds that name a person as well as an employer.</summary>
    public static bool IsAboutPerson(string kind) => kind is HeadcountGap or UninsuredWorker or WageBelowFloor;
}

/// <param name="Period">The month checked (yyyy-MM); the payroll gap is checked for its year.</param>
/// <param name="UnitCode">Only employers in this unit (a province, district or commune code in force at the month's end); null for all.</param>
/// <param name="AsOf">The day arrears are aged to; null for the last day of the latest month of contributions loaded.</param>
/// <param name="Kinds">Only these kinds of <see cref="FindingKinds"/>; null for all. Findings of the other kinds are left as they are.</param>
public sealed record CrossCheckRequest(string Period, string? UnitCode = null, DateOnly? AsOf = null, IReadOnlyList<string>? Kinds = null);

/// <param name="Counts">Findings of the run per kind checked (every kind checked present, zero included), in the order of <see cref="FindingKinds.All"/>.</param>
/// <param name="New">Findings not found by an earlier run.</param>
/// <param name="Gone">Findings of the kinds checked, of an earlier run of the same month and scope, that this run no longer finds; kept with their workflow, marked gone.</param>
public sealed record CrossCheckResult(Guid RunId, string Period, string? UnitCode, DateOnly AsOf, IReadOnlyDictionary<string, int> Counts, int New, int Gone);

/// <summary>How well the findings agree with a list of known problems, for one kind.</summary>
public sealed record MatchScore(string Kind, int Expected, int Found, int Agreed, double Precision, double Recall);

/// <summary>Cross-checks tax, business-registry and insurance data into findings, set-based on the database.</summary>
public interface ICrossCheck
{
    Task<CrossCheckResult> RunAsync(CrossCheckRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Compares the current findings with a <c>truth.csv</c> (<c>kind,employer_tax_code,person_id,period</c>)
    /// of the demo generator: precision and recall per kind.
    /// </summary>
    Task<IReadOnlyList<MatchScore>> EvaluateAsync(string truthFile, CancellationToken cancellationToken);
}

/// <summary>A cross-check or evaluation refused before it ran: a bad period, unit code, kind or truth file.</summary>
public sealed class ComplianceException(string message) : Exception(message);
