using System.Globalization;

namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>An employer's status in the business registry.</summary>
internal enum EmployerStatus : byte
{
    Active,
    Suspended,
    Dissolved,
    Absconded,
}

/// <summary>The problem planted on an employer; each has at most one, so the truth of each is easy to trace.</summary>
internal enum Plant : byte
{
    None,

    /// <summary>An enterprise or cooperative with workers on the tax payroll that never registered for SI.</summary>
    Unregistered,

    /// <summary>Registered, but leaves some of its workers out of SI (some of them pay voluntary SI instead).</summary>
    LeavesWorkersOut,

    /// <summary>Declares insured wages well below what it pays.</summary>
    LowWages,

    /// <summary>Declares some workers at the old base salary, below the insured-wage floor.</summary>
    BelowFloor,

    /// <summary>Stops paying in full from a given month.</summary>
    Arrears,

    /// <summary>Stops paying, then is dissolved or absconds.</summary>
    ClosedWithArrears,
}

/// <summary>
/// The province's employers as parallel arrays: identity and registry data, how many workers each
/// draws, and the problem planted on it. Built once; the months only read it.
/// </summary>
internal sealed class FeedEmployers
{
    public const int NeverCloses = int.MaxValue;

    private static readonly DateOnly EarliestFounding = new(1995, 1, 1);

    public FeedEmployers(DemoFeedOptions options, FeedCommunes communes, FeedPeople people, Random random)
    {
        var main = Math.Max(20, options.Workers / 8);
        var branchesAtMost = Math.Max(1, main / 100);
        var capacity = main + branchesAtMost;
        TaxCode = new string[capacity];
        Name = new string[capacity];
        SiUnitCode = new string?[capacity];
        Vsic = new string[capacity];
        Kind = new EmployerKind[capacity];
        OldCommune = new short[capacity];
        NewCommune = new short[capacity];
        Founded = new int[capacity];
        Registered = new int[capacity];
        Status = new EmployerStatus[capacity];
        StatusOn = new int[capacity];
        CloseMonth = new int[capacity];
        ReportsTax = new bool[capacity];
        Weight = new double[capacity];
        Plants = new Plant[capacity];
        PlantShare = new float[capacity];
        ArrearsFrom = new int[capacity];

        var first = options.FirstMonth;
        var months = options.Months;

        // Large firms are rare; in a small demo none may take more than a fortieth of the workers.
        var largest = Math.Clamp(options.Workers / 40, 10, 3_000);
        var where = EmployerPlaces(communes);
        var taxCodes = new HashSet<string>(StringComparer.Ordinal);
        var unitCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < main; e++)
        {
            var kind = random.NextDouble() switch
            {
                < 0.545 => EmployerKind.Enterprise,
                < 0.945 => EmployerKind.Household,
                < 0.975 => EmployerKind.Cooperative,
                _ => EmployerKind.Public,
            };
            var industry = EmployerCatalog.Draw(random, kind);
            var old = WeightedDraw.Pick(where, random);
            Kind[e] = kind;
            Vsic[e] = industry.Vsic;
            OldCommune[e] = (short)old;
            NewCommune[e] = (short)communes.Successor(old, random);
            TaxCode[e] = NewTaxCode(options.ProvinceCode, random, taxCodes);
            Name[e] = kind switch
            {
                EmployerKind.Enterprise => EmployerCatalog.EnterpriseName(random, industry),
                EmployerKind.Cooperative => EmployerCatalog.CooperativeName(industry, communes.OldNames[old]),
                EmployerKind.Household => EmployerCatalog.HouseholdName(industry, people.Name(random.Next(people.Workers))),
                _ => EmployerCatalog.PublicName(industry, communes.OldNames[old]),
            };

            // Sizes: enterprises Pareto-like (most 1–9, some 10–199, a few hundreds to thousands), households
            // one to four, cooperatives a handful to a few dozen, public bodies tens.
            Weight[e] = kind switch
            {
                EmployerKind.Enterprise => Math.Min(largest, Math.Floor(Math.Pow(1 - random.NextDouble(), -1 / 1.05))),
                EmployerKind.Household => 1 + random.Next(4),
                EmployerKind.Cooperative => 3 + random.Next(28),
                _ => Math.Min(largest, 8 + random.Next(73)),
            };

            // Founded: public bodies long ago, the rest ever more recently, all at least a month before
            // the first generated month, so none is too young to owe registration.
            var founded = kind == EmployerKind.Public
                ? EarliestFounding.AddDays(random.Next(3_650))
                : Later(EarliestFounding, first.AddDays(-31 - (int)(-2_500 * Math.Log(1 - random.NextDouble()))));
            Founded[e] = founded.DayNumber;
            CloseMonth[e] = NeverCloses;

            // Household businesses pay a flat tax and seldom declare employees: three in four are informal.
            var formal = kind != EmployerKind.Household || random.NextDouble() < 0.25;
            ReportsTax[e] = formal;
            Registered[e] = formal ? founded.AddDays(3 + random.Next(26)).DayNumber : 0;

            // Some had closed before the first month: they are in the registers with no one on the payroll.
            if (kind is EmployerKind.Enterprise or EmployerKind.Household && random.NextDouble() < 0.06
                && first.DayNumber - founded.DayNumber > 400)
            {
                Status[e] = random.NextDouble() switch
                {
                    < 0.6 => EmployerStatus.Dissolved,
                    < 0.85 => EmployerStatus.Suspended,
                    _ => EmployerStatus.Absconded,
                };
                StatusOn[e] = founded.DayNumber + 365 + random.Next(first.DayNumber - founded.DayNumber - 365);
                CloseMonth[e] = -1;
                Weight[e] = 0;
            }
            else if (kind == EmployerKind.Enterprise && months >= 2 && random.NextDouble() < 0.01)
            {
                // Closes during the months after paying everything it owed: no problem to find.
                CloseAt(e, 1 + random.Next(months - 1), EmployerStatus.Dissolved, first, random);
            }

            if (Registered[e] != 0)
            {
                SiUnitCode[e] = NewUnitCode(random, unitCodes);
            }
        }

        Count = main;
        AddBranches(options, communes, random, taxCodes, unitCodes, branchesAtMost);
        PlantProblems(months, first, random);
    }

    public int Count { get; private set; }

    /// <summary>Ten digits with the check digit, or a parent's followed by -NNN for a branch.</summary>
    public string[] TaxCode { get; }

    public string[] Name { get; }

    /// <summary>The SI agency's unit code; null for an employer never registered for SI.</summary>
    public string?[] SiUnitCode { get; }

    public string[] Vsic { get; }

    public EmployerKind[] Kind { get; }

    public short[] OldCommune { get; }

    public short[] NewCommune { get; }

    public int[] Founded { get; }

    /// <summary>Day number of SI registration; 0 when never registered.</summary>
    public int[] Registered { get; }

    public EmployerStatus[] Status { get; }

    /// <summary>Day number of the status; 0 while active.</summary>
    public int[] StatusOn { get; }

    /// <summary>The month index from which it has no workers: −1 closed before the first month, <see cref="NeverCloses"/>.</summary>
    public int[] CloseMonth { get; }

    /// <summary>Whether it declares its employees to the tax office (informal households do not).</summary>
    public bool[] ReportsTax { get; }

    /// <summary>Relative number of workers; 0 for one that takes on no one.</summary>
    public double[] Weight { get; }

    public Plant[] Plants { get; }

    /// <summary>The share of its workers a planted problem touches, or the share of its dues an employer in arrears pays.</summary>
    public float[] PlantShare { get; }

    /// <summary>The first month index it underpays, for <see cref="Plant.Arrears"/> and <see cref="Plant.ClosedWithArrears"/>.</summary>
    public int[] ArrearsFrom { get; }

    public bool IsRegisteredBy(int e, DateOnly day) => Registered[e] != 0 && Registered[e] <= day.DayNumber;

    public bool IsOpenIn(int e, int month) => CloseMonth[e] > month;

    /// <summary>Whether the employer is of the kinds whose insured workers are covered against unemployment.</summary>
    public bool HasUnemploymentInsurance(int e) => Kind[e] != EmployerKind.Public;

    private static double[] EmployerPlaces(FeedCommunes communes) => WeightedDraw.Cumulative(communes.EmployerWeight);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private void CloseAt(int e, int month, EmployerStatus status, DateOnly first, Random random)
    {
        var start = first.AddMonths(month);
        Status[e] = status;
        StatusOn[e] = start.AddDays(random.Next(DateTime.DaysInMonth(start.Year, start.Month))).DayNumber;
        CloseMonth[e] = month;
    }

    /// <summary>A few larger enterprises have a branch elsewhere, registered under the parent's code and -NNN.</summary>
    private void AddBranches(
        DemoFeedOptions options, FeedCommunes communes, Random random,
        HashSet<string> taxCodes, HashSet<string> unitCodes, int atMost)
    {
        var parents = Enumerable.Range(0, Count)
            .Where(e => Kind[e] == EmployerKind.Enterprise && Weight[e] >= 10 && CloseMonth[e] == NeverCloses)
            .ToArray();
        random.Shuffle(parents);
        var where = EmployerPlaces(communes);
        var numbers = new Dictionary<int, int>();
        foreach (var parent in parents.Take(atMost))
        {
            var e = Count++;
            numbers[parent] = numbers.GetValueOrDefault(parent) + 1;
            var old = WeightedDraw.Pick(where, random);
            TaxCode[e] = string.Create(CultureInfo.InvariantCulture, $"{TaxCode[parent]}-{numbers[parent]:D3}");
            taxCodes.Add(TaxCode[e]);
            Name[e] = EmployerCatalog.BranchName(Name[parent], communes.OldNames[old]);
            Kind[e] = EmployerKind.Enterprise;
            Vsic[e] = Vsic[parent];
            OldCommune[e] = (short)old;
            NewCommune[e] = (short)communes.Successor(old, random);
            Founded[e] = Math.Max(Founded[parent], options.FirstMonth.AddDays(-31 - random.Next(3_000)).DayNumber);
            Registered[e] = DateOnly.FromDayNumber(Founded[e]).AddDays(3 + random.Next(26)).DayNumber;
            SiUnitCode[e] = NewUnitCode(random, unitCodes);
            ReportsTax[e] = true;
            Weight[e] = Math.Max(3, Math.Floor(Weight[parent] / 3));
            CloseMonth[e] = NeverCloses;
        }
    }

    /// <summary>
    /// Picks the employers that carry each problem: registered enterprises and cooperatives open
    /// throughout, one problem each, of a size to have a few workers, at rates that give hundreds of each at 200,000 workers.
    /// </summary>
    private void PlantProblems(int months, DateOnly first, Random random)
    {
        var candidates = Enumerable.Range(0, Count)
            .Where(e => Kind[e] is EmployerKind.Enterprise or EmployerKind.Cooperative
                && Weight[e] >= 3 && CloseMonth[e] == NeverCloses && ReportsTax[e])
            .ToArray();
        random.Shuffle(candidates);
        var next = 0;
        int[] Take(double share, int minimum)
        {
            var wanted = Math.Min(candidates.Length - next, Math.Max(minimum, (int)Math.Round(candidates.Length * share)));
            var taken = candidates[next..(next + wanted)];
            next += wanted;
            return taken;
        }

        foreach (var e in Take(0.03, 2))
        {
            Plants[e] = Plant.Unregistered;
            Registered[e] = 0;
            SiUnitCode[e] = null;
        }

        foreach (var e in Take(0.05, 2))
        {
            Plants[e] = Plant.LeavesWorkersOut;
            PlantShare[e] = (float)(0.2 + (0.4 * random.NextDouble()));
        }

        foreach (var e in Take(0.04, 2))
        {
            // Insured at 50–75% of gross for most workers, never below the regional minimum.
            Plants[e] = Plant.LowWages;
            PlantShare[e] = (float)(0.5 + (0.25 * random.NextDouble()));
        }

        foreach (var e in Take(0.02, 2))
        {
            Plants[e] = Plant.BelowFloor;
            PlantShare[e] = (float)(0.2 + (0.3 * random.NextDouble()));
        }

        // Arrears count only for months whose deadline has passed before the last day, so from the
        // third-last month back: one month old, about three months old, or most of the period.
        if (months >= 3)
        {
            foreach (var e in Take(0.07, 3))
            {
                Plants[e] = Plant.Arrears;
                ArrearsFrom[e] = random.NextDouble() switch
                {
                    < 0.35 => months - 3,
                    < 0.7 => Math.Max(0, months - 5),
                    _ => Math.Min(months - 3, random.Next((months / 3) + 1)),
                };
                PlantShare[e] = random.NextDouble() < 0.4 ? 0 : (float)(0.2 + (0.6 * random.NextDouble()));
            }

            foreach (var e in Take(0.05, 3))
            {
                Plants[e] = Plant.ClosedWithArrears;
                var close = 1 + random.Next(months - 2);
                CloseAt(e, close, random.NextDouble() < 0.5 ? EmployerStatus.Dissolved : EmployerStatus.Absconded, first, random);
                ArrearsFrom[e] = Math.Max(0, close - 1 - random.Next(4));
                PlantShare[e] = random.NextDouble() < 0.6 ? 0 : (float)(0.1 + (0.4 * random.NextDouble()));
            }
        }
    }

    private static string NewTaxCode(string provinceCode, Random random, HashSet<string> taken)
    {
        while (true)
        {
            var nine = string.Create(CultureInfo.InvariantCulture, $"{provinceCode}{random.Next(10_000_000):D7}");
            if (global::BaoPhu.Platform.Identifiers.TaxCode.Complete(nine) is { } code && taken.Add(code))
            {
                return code;
            }
        }
    }

    private static string NewUnitCode(Random random, HashSet<string> taken)
    {
        while (true)
        {
            var code = string.Create(
                CultureInfo.InvariantCulture,
                $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(100_000):D5}");
            if (taken.Add(code))
            {
                return code;
            }
        }
    }
}
