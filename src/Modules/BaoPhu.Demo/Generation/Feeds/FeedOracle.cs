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
/// <param name="Named">
/// How matching names the person of a payroll row without a usable ID: the national ID of the one
/// person the lists know by the row's name and birth date, else the folded name and birth date; null
/// where the row carried the person's ID.
/// </param>
internal readonly record struct TruthRow(TruthKind Kind, int Employer, int Person, string Period, string? Named = null);

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

    private readonly FeedPeople people;
    private readonly FeedEmployers employers;
    private readonly DateOnly lastDay;

    // The people the lists know by their ID (an SI row, or a payroll row under their own ID, in any
    // month): those a payroll row without one can be matched to.
    private readonly bool[] known;

    // Payroll rows of the month without a usable ID, judged once all its SI rows are in; their
    // truth rows, with the namesakes, named once every month is in.
    private readonly List<(int Employer, int Person)> unnamedRows = [];
    private readonly List<(TruthRow Row, List<int> Namesakes)> unnamed = [];

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
        this.people = people;
        this.employers = employers;
        this.lastDay = lastDay;
        known = new bool[people.Count];
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
        known[person] = true;
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

    /// <summary>
    /// A tax-employees row of the current month; the person's own si-participants row of the month must
    /// have come first. <paramref name="withId"/>: the row carries the person's national ID (not an old
    /// ID card, not none).
    /// </summary>
    public void TaxEmployee(int employer, int person, long grossIncome, bool withId)
    {
        known[person] |= withId;
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

        if (!withId)
        {
            unnamedRows.Add((employer, person));
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

    /// <summary>
    /// Once every si-participants row of the month is in: a payroll row without a usable ID is insured
    /// when anyone of its folded name and birth date is (only people with an SI row are, and the lists
    /// know them all).
    /// </summary>
    public void EndMonth()
    {
        if (unnamedRows.Count == 0)
        {
            return;
        }

        var namesakes = people.Namesakes(unnamedRows.Select(row => row.Person));
        foreach (var (employer, person) in unnamedRows)
        {
            var same = namesakes[people.MatchPair(person)];
            if (!same.Exists(q => compulsoryIn[q] == stamp))
            {
                unnamed.Add((new TruthRow(TruthKind.HeadcountGap, employer, person, period), same));
            }

            if (!same.Exists(q => insuredIn[q] == stamp))
            {
                unnamed.Add((new TruthRow(TruthKind.UninsuredWorker, employer, person, period), same));
            }
        }

        unnamedRows.Clear();
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

    /// <summary>
    /// Once every month is in: names the persons of the payroll rows without a usable ID as matching
    /// does, and adds the employers closed by the last day with arrears.
    /// </summary>
    public void Finish()
    {
        foreach (var (row, namesakes) in unnamed)
        {
            var matches = namesakes.Where(q => known[q]).Take(2).ToList();
            Rows.Add(row with { Named = matches.Count == 1 ? people.NationalIdOf(matches[0]) : people.MatchKey(row.Person) });
        }

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
