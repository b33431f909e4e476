using System.Globalization;

namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>The kinds of problem in <c>truth.csv</c>, in the order of the README's definitions.</summary>
internal enum TruthKind : byte
{
    UnregisteredEmployer,
    HeadcountGap,
    UninsuredWorker,
    PayrollGap,
    WageBelowFloor,
    LatePayment,
    Evasion,
    ClosedWithArrears,
}

/// <summary>One row of <c>truth.csv</c>; <see cref="Person"/> is −1 where the kind names no person.</summary>
internal readonly record struct TruthRow(TruthKind Kind, int Employer, int Person, string Period);

/// <summary>
/// Finds the problems of the README's definitions in the rows as they are written (malformed copies
/// are never shown to it), so the truth is what a correct matcher would find in the accepted rows,
/// whatever the generator meant to plant.
/// </summary>
internal sealed class FeedOracle
{
    public static readonly string[] KindNames =
    [
        "unregistered_employer", "headcount_gap", "uninsured_worker", "payroll_gap", "wage_below_floor",
        "late_payment", "evasion", "closed_with_arrears",
    ];

    private const int LatePaymentDays = 60;

    private readonly FeedEmployers employers;
    private readonly DateOnly lastDay;

    // Month stamps (month index + 1) of the last month with a row, so no array is cleared between months.
    private readonly int[] compulsoryIn;
    private readonly int[] insuredIn;
    private readonly int[] taxedIn;
    private readonly long[] yearInsured;
    private readonly bool[] inArrears;

    private int stamp;
    private string period = "";
    private DateOnly monthEnd;
    private long floor;

    public FeedOracle(FeedPeople people, FeedEmployers employers, DateOnly lastDay)
    {
        this.employers = employers;
        this.lastDay = lastDay;
        compulsoryIn = new int[people.Count];
        insuredIn = new int[people.Count];
        taxedIn = new int[employers.Count];
        yearInsured = new long[employers.Count];
        inArrears = new bool[employers.Count];
    }

    public List<TruthRow> Rows { get; } = [];

    public void BeginMonth(int month, DateOnly first, string periodText)
    {
        stamp = month + 1;
        period = periodText;
        monthEnd = first.AddMonths(1).AddDays(-1);
        floor = FeedPolicy.Floor(first);
    }

    /// <summary>An si-participants row; <paramref name="employer"/> is −1 for a voluntary one.</summary>
    public void Participant(int person, int employer, long insuredWage)
    {
        insuredIn[person] = stamp;
        if (employer < 0)
        {
            return;
        }

        compulsoryIn[person] = stamp;
        yearInsured[employer] += insuredWage;
        if (insuredWage < floor)
        {
            Rows.Add(new TruthRow(TruthKind.WageBelowFloor, employer, person, period));
        }
    }

    /// <summary>An si-contributions row of the current month.</summary>
    public void Contribution(int employer, long due, long paid)
    {
        var deadline = monthEnd.AddDays(1).AddMonths(1).AddDays(-1);
        if (paid >= due || deadline >= lastDay)
        {
            return;
        }

        inArrears[employer] = true;
        var late = lastDay.DayNumber - deadline.DayNumber <= LatePaymentDays;
        Rows.Add(new TruthRow(late ? TruthKind.LatePayment : TruthKind.Evasion, employer, -1, period));
    }

    /// <summary>A tax-employees row of the current month; every si-participants row of the month must have come first.</summary>
    public void TaxEmployee(int employer, int person, long grossIncome)
    {
        if (taxedIn[employer] != stamp)
        {
            taxedIn[employer] = stamp;
            if (IsUnregistered(employer))
            {
                Rows.Add(new TruthRow(TruthKind.UnregisteredEmployer, employer, -1, period));
            }
        }

        if (grossIncome <= 0)
        {
            return;
        }

        if (compulsoryIn[person] != stamp)
        {
            Rows.Add(new TruthRow(TruthKind.HeadcountGap, employer, person, period));
        }

        if (insuredIn[person] != stamp)
        {
            Rows.Add(new TruthRow(TruthKind.UninsuredWorker, employer, person, period));
        }
    }

    /// <summary>A tax-payroll row: the year's insured wages at the employer so far are the whole year's.</summary>
    public void Payroll(int employer, int year, long payrollTotal)
    {
        // payroll > 1.05 × insured, in whole numbers.
        if (payrollTotal * 100 > yearInsured[employer] * 105)
        {
            Rows.Add(new TruthRow(TruthKind.PayrollGap, employer, -1, year.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public void EndYear() => Array.Clear(yearInsured);

    /// <summary>Adds the employers closed by the last day with arrears, once every month is in.</summary>
    public void Finish()
    {
        for (var e = 0; e < employers.Count; e++)
        {
            if (inArrears[e] && employers.Status[e] != EmployerStatus.Active && employers.StatusOn[e] <= lastDay.DayNumber)
            {
                Rows.Add(new TruthRow(TruthKind.ClosedWithArrears, e, -1, ""));
            }
        }
    }

    private bool IsUnregistered(int e) =>
        employers.Kind[e] is EmployerKind.Enterprise or EmployerKind.Cooperative
        && (employers.Status[e] == EmployerStatus.Active || employers.StatusOn[e] > monthEnd.DayNumber)
        && employers.Founded[e] <= monthEnd.DayNumber - 30
        && !employers.IsRegisteredBy(e, monthEnd);
}
