using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// Runs the months: who works where, what each agency records of it, written file by file as it
/// goes, with the oracle reading every accepted row. One pass, one random stream, no parallelism:
/// the same options give the same bytes. Rows go to their file as they are made; what is held is per
/// person or per employer, never per row, so ten million rows a month take no more memory than the
/// people and employers do.
/// </summary>
internal sealed class FeedRun
{
    // About 1.5% of workers leave their job each month and as many are taken on, so employment stays near 80%.
    private const double Employed = 0.8;
    private const double Leaving = 0.015;
    private const double Hiring = Leaving * Employed / (1 - Employed);
    private const double SecondJob = 0.015;
    private const double VoluntaryShare = 0.12;

    // Payrolls that carry an old ID card number or none at all, and of those the share with none.
    private const double OddIdShare = 0.005;
    private const double MissingIdShare = 0.3;

    // A worker an employer leaves out may pay voluntary SI instead: insured, yet not where the law says.
    private const double VoluntaryInsteadShare = 0.25;

    // A low-wage employer declares most of its workers low, not all.
    private const double LowWageWorkers = 0.85;

    private static readonly long[] VoluntaryIncomes = [1_500_000, 2_000_000, 3_000_000, 4_500_000];

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
    };

    private readonly DemoFeedOptions options;
    private readonly string directory;
    private readonly TextWriter? progress;
    private readonly FeedCommunes communes;
    private readonly FeedPeople people;
    private readonly FeedEmployers employers;
    private readonly Random random;
    private readonly FeedOracle oracle;
    private readonly PlantedCases planted;
    private readonly List<DemoFeedFile> files = [];

    private readonly int[] job;
    private readonly int[] secondJob;
    private readonly bool[] voluntary;
    private readonly long[] insuredThisMonth;
    private readonly long[] yearPayroll;
    private readonly int[] yearHeadcount;

    // The (employer, person) pairs on a payroll this year, to count each employee once: most people
    // have one employer a year, kept per person (employer + 1, 0 for none); the others' pairs in a set.
    private readonly int[] yearFirstEmployer;
    private readonly HashSet<long> yearOtherPairs = [];
    private readonly HashSet<int> withoutId = [];
    private double[] hiring = [];

    public FeedRun(
        DemoFeedOptions options, string directory, TextWriter? progress,
        FeedCommunes communes, FeedPeople people, FeedEmployers employers, Random random)
    {
        this.options = options;
        this.directory = directory;
        this.progress = progress;
        this.communes = communes;
        this.people = people;
        this.employers = employers;
        this.random = random;
        oracle = new FeedOracle(people, employers, options.LastDay);
        planted = new PlantedCases(people, employers);
        job = new int[people.Workers];
        secondJob = new int[people.Workers];
        voluntary = new bool[people.Workers];
        insuredThisMonth = new long[employers.Count];
        yearPayroll = new long[employers.Count];
        yearHeadcount = new int[employers.Count];
        yearFirstEmployer = new int[people.Workers];
    }

    public DemoFeedSummary Execute(IReadOnlyList<string> unitFiles)
    {
        StartEmployment();
        WriteBusinessRegistry();
        WriteSiEmployers();
        for (var month = 0; month < options.Months; month++)
        {
            var first = options.FirstMonth.AddMonths(month);
            if (month > 0)
            {
                MoveOn(month);
            }

            var period = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            oracle.BeginMonth(month, first, period);
            WriteParticipantsAndTaxEmployees(month, first, period);
            oracle.EndMonth();
            WriteBenefits(first, period);
            if (first.Month == 12 || month == options.Months - 1)
            {
                WriteYear(first.Year);
            }
        }

        oracle.Finish();
        var truth = WriteTruth();
        WriteManifest();

        var unplanted = oracle.Rows.Count(row => !planted.Explains(row));
        return new DemoFeedSummary(
            unitFiles,
            files,
            Totals(file => file.Rows),
            Totals(file => file.Malformed),
            FeedOracle.KindNames.Select((name, kind) => (name, count: truth.Count(row => (int)row.Kind == kind)))
                .ToDictionary(pair => pair.name, pair => pair.count, StringComparer.Ordinal),
            unplanted)
        {
            Cases = planted,
        };
    }

    private Dictionary<string, long> Totals(Func<DemoFeedFile, int> count)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            totals[file.Feed] = totals.GetValueOrDefault(file.Feed) + count(file);
        }

        return totals;
    }

    private void StartEmployment()
    {
        hiring = HiringWeights(0);
        var secondJobs = WeightedDraw.Cumulative([.. Enumerable.Range(0, employers.Count).Select(e => IsClean(e) && employers.Weight[e] >= 30 ? employers.Weight[e] : 0)]);
        var anyBig = secondJobs[^1] > 0;
        for (var p = 0; p < people.Workers; p++)
        {
            job[p] = random.NextDouble() < Employed ? WeightedDraw.Pick(hiring, random) : -1;
            secondJob[p] = -1;
            var informal = job[p] < 0 || !employers.ReportsTax[job[p]];
            voluntary[p] = informal && random.NextDouble() < VoluntaryShare;

            // Second jobs only beside a clean first one, at a large clean firm: paid SI under the first
            // contract, they are no gap, and too few to move the larger firm's payroll.
            if (anyBig && job[p] >= 0 && IsClean(job[p]) && random.NextDouble() < SecondJob)
            {
                var second = WeightedDraw.Pick(secondJobs, random);
                secondJob[p] = second == job[p] ? -1 : second;
            }
        }
    }

    private bool IsClean(int e) =>
        employers.Plants[e] == Plant.None && employers.Registered[e] != 0 && employers.ReportsTax[e]
        && employers.CloseMonth[e] == FeedEmployers.NeverCloses;

    private double[] HiringWeights(int month) =>
        WeightedDraw.Cumulative([.. Enumerable.Range(0, employers.Count).Select(e => employers.IsOpenIn(e, month) ? employers.Weight[e] : 0)]);

    private void MoveOn(int month)
    {
        if (Enumerable.Range(0, employers.Count).Any(e => employers.CloseMonth[e] == month))
        {
            hiring = HiringWeights(month);
        }

        for (var p = 0; p < people.Workers; p++)
        {
            var draw = random.NextDouble();
            if (job[p] >= 0)
            {
                if (!employers.IsOpenIn(job[p], month) || draw < Leaving)
                {
                    job[p] = -1;
                    secondJob[p] = -1;
                }
            }
            else if (draw < Hiring)
            {
                job[p] = WeightedDraw.Pick(hiring, random);
            }
        }
    }

    private FeedCsvFile Open(FeedShape shape, string? period)
    {
        var name = period is null ? $"{shape.Feed}.csv" : $"{shape.Feed}-{period}.csv";
        progress?.WriteLine($"Đang ghi / writing {name} …");
        return new FeedCsvFile(directory, name, shape, period, options.Seed, communes.Unknown);
    }

    private void Close(FeedCsvFile file) => files.Add(file.Close());

    private string EmployerCommune(int e, DateOnly day) => communes.CodeOn(day, employers.OldCommune[e], employers.NewCommune[e]);

    private string PersonCommune(int p, DateOnly day) => communes.CodeOn(day, people.OldCommune[p], people.NewCommune[p]);

    private static string StatusName(EmployerStatus status) => status switch
    {
        EmployerStatus.Active => "active",
        EmployerStatus.Suspended => "suspended",
        EmployerStatus.Dissolved => "dissolved",
        _ => "absconded",
    };

    private static string KindName(EmployerKind kind) => kind switch
    {
        EmployerKind.Enterprise => "enterprise",
        EmployerKind.Cooperative => "cooperative",
        EmployerKind.Household => "household",
        _ => "public",
    };

    private void WriteBusinessRegistry()
    {
        using var file = Open(FeedShape.BusinessRegistry, null);
        for (var e = 0; e < employers.Count; e++)
        {
            var row = file.Row;
            row[0] = employers.TaxCode[e];
            row[1] = employers.Name[e];
            row[2] = KindName(employers.Kind[e]);
            row[3] = employers.Vsic[e];
            row[4] = EmployerCommune(e, options.LastDay);
            row[5] = FeedCsvFile.Date(employers.Founded[e]);
            row[6] = StatusName(employers.Status[e]);
            row[7] = employers.Status[e] == EmployerStatus.Active ? "" : FeedCsvFile.Date(employers.StatusOn[e]);
            file.WriteRow();
        }

        Close(file);
    }

    private void WriteSiEmployers()
    {
        using var file = Open(FeedShape.SiEmployers, null);
        for (var e = 0; e < employers.Count; e++)
        {
            if (employers.SiUnitCode[e] is not { } unit)
            {
                continue;
            }

            var row = file.Row;
            row[0] = employers.TaxCode[e];
            row[1] = unit;
            row[2] = employers.Name[e];
            row[3] = EmployerCommune(e, options.LastDay);
            row[4] = FeedCsvFile.Date(employers.Registered[e]);
            row[5] = StatusName(employers.Status[e]);
            file.WriteRow();
        }

        Close(file);
    }

    private long Gross(int e, int p, DateOnly month)
    {
        var pay = FeedPolicy.MinimumWageOf(communes.Region[employers.OldCommune[e]], month) * (double)people.WageFactor[p];

        // Kept under the ceiling so that in the background every wage paid is a wage insured.
        return RoundToThousand(Math.Min(pay, 0.9 * FeedPolicy.Ceiling(month)));
    }

    private long SecondJobGross(int e, int p, DateOnly month) =>
        RoundToThousand(FeedPolicy.MinimumWageOf(communes.Region[employers.OldCommune[e]], month)
            * (0.25 + (0.25 * FeedHash.Unit(options.Seed, e, p, Salt.SecondJobPay))));

    private static long RoundToThousand(double value) => (long)Math.Round(value / 1_000) * 1_000;

    /// <summary>The insured wage an employer declares for a worker paid <paramref name="gross"/>.</summary>
    private long Declared(int e, int p, long gross, DateOnly month)
    {
        var seed = options.Seed;
        switch (employers.Plants[e])
        {
            case Plant.LowWages when FeedHash.Unit(seed, e, p, Salt.LowWage) < LowWageWorkers:
                var minimum = FeedPolicy.MinimumWageOf(communes.Region[employers.OldCommune[e]], month);
                return Math.Min(gross, Math.Max(minimum, RoundToThousand(gross * (double)employers.PlantShare[e])));
            case Plant.BelowFloor when FeedHash.Unit(seed, e, p, Salt.BelowFloor) < employers.PlantShare[e]:
                planted.BelowFloor(e, p);
                return FeedHash.Unit(seed, e, p, Salt.LowWage) < 0.6 ? FeedPolicy.PreviousBaseSalary : 2_000_000;
            default:
                return Math.Min(gross, FeedPolicy.Ceiling(month));
        }
    }

    /// <summary>
    /// Each person's SI row of the month, then the tax rows of their jobs, into two files written side by
    /// side: the oracle sees a person's SI before their tax rows, as it needs. The contributions, whose
    /// sums need every participant, are written between the two files' ends, so the manifest keeps its order.
    /// </summary>
    private void WriteParticipantsAndTaxEmployees(int month, DateOnly first, string period)
    {
        var monthEnd = first.AddMonths(1).AddDays(-1);
        var seed = options.Seed;
        Array.Clear(insuredThisMonth);
        withoutId.Clear();
        using var file = Open(FeedShape.SiParticipants, period);
        using var tax = Open(FeedShape.TaxEmployees, period);
        for (var p = 0; p < people.Workers; p++)
        {
            var e = job[p];
            var withheld = false;
            var compulsory = false;
            if (e >= 0 && employers.ReportsTax[e])
            {
                var leftOut = employers.Plants[e] == Plant.LeavesWorkersOut
                    && FeedHash.Unit(seed, e, p, Salt.LeftOut) < employers.PlantShare[e];
                withheld = leftOut || !employers.IsRegisteredBy(e, monthEnd);
                compulsory = !withheld;
            }
            else if (e >= 0 && employers.IsRegisteredBy(e, monthEnd))
            {
                compulsory = true;
            }

            var gross = e >= 0 ? Gross(e, p, first) : 0;
            if (compulsory)
            {
                var insured = Declared(e, p, gross, first);
                WriteParticipant(file, period, first, p, e, insured);
                insuredThisMonth[e] += insured;
            }
            else if (voluntary[p] || (withheld && employers.Plants[e] == Plant.LeavesWorkersOut
                && FeedHash.Unit(seed, e, p, Salt.VoluntaryInstead) < VoluntaryInsteadShare))
            {
                WriteParticipant(file, period, first, p, -1, VoluntaryIncomes[(int)(FeedHash.Unit(seed, p, 0, Salt.VoluntaryIncome) * VoluntaryIncomes.Length)]);
            }

            if (withheld)
            {
                planted.Withheld(e, p);
            }

            if (e >= 0 && employers.ReportsTax[e])
            {
                WriteTaxEmployee(tax, period, e, p, gross);
            }

            if (secondJob[p] >= 0)
            {
                WriteTaxEmployee(tax, period, secondJob[p], p, SecondJobGross(secondJob[p], p, first));
                if (withheld)
                {
                    planted.Withheld(secondJob[p], p);
                }
            }
        }

        Close(file);
        WriteContributions(month, period);
        Close(tax);
    }

    private void WriteParticipant(FeedCsvFile file, string period, DateOnly first, int p, int e, long insured)
    {
        var row = file.Row;
        row[0] = period;
        row[1] = people.SiNumber(p);
        row[2] = people.NationalIdOf(p);
        row[3] = people.Name(p);
        row[4] = FeedCsvFile.Date(people.BirthDay[p]);
        row[5] = people.Female[p] ? "F" : "M";
        row[6] = PersonCommune(p, first);
        row[7] = e >= 0 ? "compulsory" : "voluntary";
        row[8] = e >= 0 ? employers.TaxCode[e] : "";
        row[9] = FeedCsvFile.Money(insured);
        row[10] = e >= 0 && employers.HasUnemploymentInsurance(e) ? "1" : "0";
        file.WriteRow();
        oracle.Participant(p, e, insured);
    }

    private void WriteContributions(int month, string period)
    {
        using var file = Open(FeedShape.SiContributions, period);
        for (var e = 0; e < employers.Count; e++)
        {
            if (insuredThisMonth[e] == 0)
            {
                continue;
            }

            var due = FeedPolicy.Contribution(insuredThisMonth[e]);
            var paid = employers.Plants[e] is Plant.Arrears or Plant.ClosedWithArrears && month >= employers.ArrearsFrom[e]
                ? (long)Math.Floor(due * (double)employers.PlantShare[e])
                : due;
            var row = file.Row;
            row[0] = period;
            row[1] = employers.TaxCode[e];
            row[2] = FeedCsvFile.Money(due);
            row[3] = FeedCsvFile.Money(paid);
            file.WriteRow();
            oracle.Contribution(e, due, paid);
        }

        Close(file);
    }

    private void WriteTaxEmployee(FeedCsvFile file, string period, int e, int p, long gross)
    {
        // A few payrolls still carry the old nine-digit ID card, or no ID at all: the name and birth
        // date are right, so matching can fall back on them. One without an ID per employer and
        // month, so that even a key of name and birth date stays unique.
        var seed = options.Seed;
        var id = people.NationalIdOf(p);
        var withId = true;
        if (FeedHash.Unit(seed, e, p, Salt.MissingId) < OddIdShare)
        {
            withId = false;
            id = FeedHash.Unit(seed, e, p, Salt.OldIdCard) < MissingIdShare && withoutId.Add(e) ? "" : people.OldIdCard(p, seed);
        }

        var row = file.Row;
        row[0] = period;
        row[1] = employers.TaxCode[e];
        row[2] = id;
        row[3] = people.Name(p);
        row[4] = FeedCsvFile.Date(people.BirthDay[p]);
        row[5] = FeedCsvFile.Money(gross);
        file.WriteRow();
        oracle.TaxEmployee(e, p, gross, withId);

        yearPayroll[e] += gross;
        if (IsNewInYear(e, p))
        {
            yearHeadcount[e]++;
        }
    }

    private bool IsNewInYear(int e, int p)
    {
        var first = yearFirstEmployer[p];
        if (first == e + 1)
        {
            return false;
        }

        if (first == 0)
        {
            yearFirstEmployer[p] = e + 1;
            return true;
        }

        return yearOtherPairs.Add(((long)e << 32) | (uint)p);
    }

    private void WriteBenefits(DateOnly first, string period)
    {
        var socialPensionAge = FeedPolicy.SocialPensionAge(first);
        using var file = Open(FeedShape.BenefitRecipients, period);
        for (var p = people.Workers; p < people.Count; p++)
        {
            var benefit = people.Benefits[p] switch
            {
                Benefit.Pension => "pension",
                Benefit.MonthlySi => "monthly_si",
                Benefit.SocialPensionOnceEligible when people.AgeOn(p, first) >= socialPensionAge => "social_pension",
                _ => null,
            };
            if (benefit is null)
            {
                continue;
            }

            var row = file.Row;
            row[0] = period;
            row[1] = people.NationalIdOf(p);
            row[2] = PersonCommune(p, first);
            row[3] = benefit;
            file.WriteRow();
        }

        Close(file);
    }

    private void WriteYear(int year)
    {
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        using (var file = Open(FeedShape.TaxPayroll, yearText))
        {
            for (var e = 0; e < employers.Count; e++)
            {
                if (yearHeadcount[e] == 0)
                {
                    continue;
                }

                var row = file.Row;
                row[0] = yearText;
                row[1] = employers.TaxCode[e];
                row[2] = yearHeadcount[e].ToString(CultureInfo.InvariantCulture);
                row[3] = FeedCsvFile.Money(yearPayroll[e]);
                file.WriteRow();
                oracle.Payroll(e, year, yearPayroll[e]);
            }

            Close(file);
        }

        Array.Clear(yearPayroll);
        Array.Clear(yearHeadcount);
        Array.Clear(yearFirstEmployer);
        yearOtherPairs.Clear();
        oracle.EndYear();
        WriteLabourStatistics(year, yearText);
    }

    /// <summary>
    /// Statistics per commune in force at the end of the year: the generated people are a sample of
    /// the real population, so the office's counts are larger, with their own error.
    /// </summary>
    private void WriteLabourStatistics(int year, string yearText)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var onNew = yearEnd >= DemoCoverageGenerator.MergerDate;
        var codes = onNew ? communes.NewCodes : communes.OldCodes;
        var workers = new int[codes.Length];
        var retirees = new int[codes.Length];
        for (var p = 0; p < people.Count; p++)
        {
            var commune = onNew ? people.NewCommune[p] : people.OldCommune[p];
            if (p < people.Workers)
            {
                workers[commune]++;
            }
            else
            {
                retirees[commune]++;
            }
        }

        using var file = Open(FeedShape.LabourStatistics, yearText);
        for (var c = 0; c < codes.Length; c++)
        {
            var draw = new Random(unchecked((int)FeedHash.Mix(((ulong)(uint)options.Seed << 32) ^ ((ulong)(uint)year << 12) ^ (uint)c)));
            var labour = (long)Math.Round(workers[c] * (1.08 + (0.17 * draw.NextDouble())));
            var population = (long)Math.Round(labour / (0.56 + (0.06 * draw.NextDouble())));
            var row = file.Row;
            row[0] = yearText;
            row[1] = codes[c];
            row[2] = FeedCsvFile.Money(population);
            row[3] = FeedCsvFile.Money(labour);
            row[4] = FeedCsvFile.Money((long)Math.Round(labour * (0.01 + (0.02 * draw.NextDouble()))));
            row[5] = FeedCsvFile.Money((long)Math.Round(labour * (0.05 + (0.10 * draw.NextDouble()))));
            row[6] = FeedCsvFile.Money((long)Math.Round(labour * (0.003 + (0.003 * draw.NextDouble()))));
            row[7] = FeedCsvFile.Money(Math.Max(retirees[c], (long)Math.Round(population * (0.11 + (0.04 * draw.NextDouble())))));
            file.WriteRow();
        }

        Close(file);
    }

    private List<TruthRow> WriteTruth()
    {
        var lines = oracle.Rows
            .Select(row => (row, line: string.Join(
                ',',
                FeedOracle.KindNames[(int)row.Kind],
                employers.TaxCode[row.Employer],
                row.Named ?? (row.Person >= 0 ? people.NationalIdOf(row.Person) : ""),
                row.Period)))
            .DistinctBy(pair => pair.line, StringComparer.Ordinal)
            .OrderBy(pair => pair.line, StringComparer.Ordinal)
            .ToList();
        progress?.WriteLine($"Đang ghi / writing {DemoFeedSummary.TruthFileName} …");
        using var writer = new StreamWriter(Path.Combine(directory, DemoFeedSummary.TruthFileName), append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("kind,employer_tax_code,person_id,period");
        foreach (var (_, line) in lines)
        {
            writer.WriteLine(line);
        }

        return [.. lines.Select(pair => pair.row)];
    }

    private void WriteManifest()
    {
        progress?.WriteLine($"Đang ghi / writing {DemoFeedSummary.ManifestFileName} …");
        File.WriteAllText(
            Path.Combine(directory, DemoFeedSummary.ManifestFileName),
            JsonSerializer.Serialize(files, ManifestJson) + "\n",
            new UTF8Encoding(false));
    }
}
