namespace BaoPhu.Demo.Generation;

/// <summary>How a commune keeps up with its plan; drawn per area, so neighbours tend to share it.</summary>
internal enum Pace
{
    OnTrack,
    Middling,
    Lagging,
}

/// <summary>
/// One old commune's numbers as smooth functions of time: the plan its targets come from, and the
/// monthly actuals, which follow the plan scaled by how the commune performs, with seasons and noise.
/// The commune is followed past 1/7/2025 too, because the new communes' numbers are sums of it.
/// </summary>
/// <remarks>
/// Time <c>t</c> is in years from the start of 2021, at the end of a month: December 2021 is 1,
/// December 2025 is 5. Shares are calibrated so that the province's targets meet Resolution 28's
/// milestones (<see cref="CoverageMeasures.Milestones"/>) roughly, as a real province's would.
/// </remarks>
internal sealed class CommuneModel
{
    private const int BaseYear = 2021;

    // Provincial plan paths (t, share), read between and beyond the knots along straight lines.
    // Voluntary SI recruits among those not required to join; the path gives 2.5% of the labour
    // force in 2025 and 5% in 2030 as the eligible pool shrinks.
    private static readonly (double T, double Share)[] VoluntaryOfEligible = [(0, 0.022), (5, 0.054), (10, 0.14)];
    private static readonly (double T, double Share)[] HealthInsured = [(1, 0.90), (5, 0.95), (10, 0.99)];
    private static readonly (double T, double Share)[] PensionReceived = [(1, 0.50), (5, 0.55), (10, 0.60)];
    private static readonly (double T, double Share)[] EmployersRegistered = [(1, 0.80), (5, 0.90), (10, 0.98)];

    // Workers leave before Tết and are taken on again from March; firms hire towards the year's end.
    private static readonly double[] RequiredSeason =
        [-0.006, -0.012, -0.006, -0.002, 0, 0.001, 0.001, 0.002, 0.002, 0.003, 0.003, 0.004];

    // Voluntary SI is sold in campaigns, mostly in the last quarter.
    private static readonly double[] VoluntarySeason =
        [-0.010, -0.015, -0.010, -0.005, 0, 0.005, 0, 0, 0.005, 0.010, 0.015, 0.020];

    // Household cards are renewed at the turn of the year and pupils' cards with the school year.
    private static readonly double[] HealthSeason =
        [0.003, 0.002, 0, -0.002, -0.003, -0.004, -0.004, -0.005, -0.001, 0.003, 0.004, 0.005];

    private readonly double workingAge;
    private readonly double workingAgeGrowth;
    private readonly double workingAgeShare;
    private readonly double retiredShare;
    private readonly double required;
    private readonly double requiredGrowth;
    private readonly double eligibleShare;
    private readonly double uiShare;
    private readonly double compliance;
    private readonly double voluntaryFactor;
    private readonly double healthOffset;
    private readonly double pensionOffset;
    private readonly double registeredOffset;
    private readonly double employerSize;
    private readonly double paceStart;
    private readonly double paceDrift;
    private readonly double voluntaryPace;
    private readonly int noiseSeed;

    private CommuneModel(string type, Pace pace, Random random)
    {
        // A few thousand people of working age; wards are denser and far more often employed.
        (workingAge, required, employerSize) = type switch
        {
            UnitTypes.Ward => (Between(random, 4_000, 9_000), Between(random, 0.50, 0.62), Between(random, 15, 25)),
            UnitTypes.Township => (Between(random, 4_000, 7_000), Between(random, 0.38, 0.46), Between(random, 10, 16)),
            _ => (Between(random, 2_500, 6_000), Between(random, 0.26, 0.38), Between(random, 8, 14)),
        };
        workingAgeGrowth = Between(random, 0.003, 0.012);
        workingAgeShare = Between(random, 0.58, 0.66);
        retiredShare = Between(random, 0.11, 0.15);
        requiredGrowth = Between(random, 0.018, 0.024);
        eligibleShare = Between(random, 0.88, 0.95);
        uiShare = Between(random, 0.84, 0.92);
        compliance = Between(random, 0.86, 0.92);
        voluntaryFactor = Between(random, 0.8, 1.2);
        healthOffset = Between(random, -0.012, 0.012);
        pensionOffset = Between(random, -0.06, 0.06);
        registeredOffset = Between(random, -0.05, 0.02);

        // Performance is a factor on the planned coverage: above 1 beats the plan.
        (paceStart, paceDrift, voluntaryPace) = pace switch
        {
            Pace.OnTrack => (Between(random, 1.005, 1.03), Between(random, 0, 0.004), Between(random, 0.95, 1.05)),
            Pace.Middling => (Between(random, 0.975, 1.0), Between(random, -0.004, 0.002), Between(random, 0.82, 0.92)),
            _ => (Between(random, 0.96, 0.99), Between(random, -0.025, -0.015), Between(random, 0.65, 0.8)),
        };
        noiseSeed = random.Next();
    }

    public static CommuneModel Draw(OldCommune commune, Pace pace, Random random) => new(commune.Type, pace, random);

    /// <summary>The planned values for the end of the year, the numbers its targets are made of.</summary>
    public double[] Target(int year)
    {
        var t = year - BaseYear + 1.0;
        var workingAge = AnnualWorkingAge(year);
        var population = workingAge / WorkingAgeShare(year);
        var labour = SmoothWorkingAge(t);
        var required = labour * RequiredShare(t);
        var uiRequired = required * uiShare;
        var retired = population * RetiredShare(year);
        var liable = required / employerSize;

        var values = new double[CoverageMeasures.Count];
        values[(int)Measure.CompulsoryRequired] = required;
        values[(int)Measure.CompulsoryParticipants] = required * Math.Min(0.995, Compliance(t));
        var eligible = (labour - required) * eligibleShare;
        values[(int)Measure.VoluntaryEligible] = eligible;
        values[(int)Measure.VoluntaryParticipants] = eligible * VoluntaryShare(t);
        values[(int)Measure.UiRequired] = uiRequired;
        values[(int)Measure.UiParticipants] = uiRequired * Math.Min(0.99, Compliance(t) - 0.01);
        values[(int)Measure.HiPopulation] = population;
        values[(int)Measure.HiParticipants] = population * Math.Min(0.995, HealthShare(t));
        values[(int)Measure.WorkingAge] = workingAge;
        values[(int)Measure.PastRetirementAge] = retired;
        values[(int)Measure.PensionRecipients] = retired * PensionShare(t);
        values[(int)Measure.EmployersLiable] = liable;
        values[(int)Measure.EmployersRegistered] = liable * Math.Min(1, RegisteredShare(t));
        return values;
    }

    /// <summary>
    /// The month-end actuals for each month from <paramref name="first"/> to <paramref name="last"/>
    /// (<see cref="MonthIndex"/>), unrounded. A month's values do not depend on how many months follow,
    /// so a later "today" only adds months.
    /// </summary>
    public double[][] Actuals(int first, int last)
    {
        var random = new Random(noiseSeed);
        var months = new double[Math.Max(0, last - first + 1)][];
        double statisticsError = 0, retiredError = 0;
        for (var index = first; index <= last; index++)
        {
            var (year, month) = (index / 12, index % 12 + 1);
            if (month == 1 || index == first)
            {
                // Labour and population statistics come once a year, each with its own error.
                statisticsError = Between(random, -0.012, 0.012);
                retiredError = Between(random, -0.01, 0.01);
            }

            var t = year - BaseYear + month / 12.0;
            var performance = Performance(t);
            var workingAge = AnnualWorkingAge(year) * (1 + statisticsError);
            var population = workingAge / WorkingAgeShare(year);
            var retired = population * RetiredShare(year) * (1 + retiredError);
            var labour = SmoothWorkingAge(t);
            var usual = labour * RequiredShare(t);
            var required = usual * (1 + RequiredSeason[month - 1] + Noise(random, 0.003));
            var eligible = (labour - usual) * eligibleShare;
            var uiRequired = required * uiShare;
            var liable = usual / employerSize;
            var voluntary = eligible * VoluntaryShare(t) * (voluntaryPace + paceDrift * t)
                * (1 + VoluntarySeason[month - 1] + Noise(random, 0.01));
            var health = HealthShare(t) * Soften(performance, 0.4) * (1 + HealthSeason[month - 1] + Noise(random, 0.002));

            var values = new double[CoverageMeasures.Count];
            values[(int)Measure.CompulsoryRequired] = required;
            values[(int)Measure.CompulsoryParticipants] =
                required * Math.Min(0.995, Compliance(t) * performance * (1 + Noise(random, 0.002)));
            values[(int)Measure.VoluntaryEligible] = eligible;
            values[(int)Measure.VoluntaryParticipants] = Math.Clamp(voluntary, 0, eligible / 2);
            values[(int)Measure.UiRequired] = uiRequired;
            values[(int)Measure.UiParticipants] =
                uiRequired * Math.Min(0.99, (Compliance(t) - 0.01) * performance * (1 + Noise(random, 0.002)));
            values[(int)Measure.HiPopulation] = population;
            values[(int)Measure.HiParticipants] = population * Math.Min(0.985, health);
            values[(int)Measure.WorkingAge] = workingAge;
            values[(int)Measure.PastRetirementAge] = retired;
            values[(int)Measure.PensionRecipients] =
                retired * Math.Min(0.95, PensionShare(t) * Soften(performance, 0.5) * (1 + Noise(random, 0.002)));
            values[(int)Measure.EmployersLiable] = liable;
            values[(int)Measure.EmployersRegistered] = liable * Math.Min(1, RegisteredShare(t) * Soften(performance, 0.5));
            months[index - first] = values;
        }

        return months;
    }

    public static int MonthIndex(int year, int month) => year * 12 + month - 1;

    private static double Between(Random random, double low, double high) => low + random.NextDouble() * (high - low);

    private static double Noise(Random random, double amplitude) => Between(random, -amplitude, amplitude);

    // Population-wide coverage moves less than a commune's effort: a lagging commune still has most people insured.
    private static double Soften(double performance, double weight) => 1 + (performance - 1) * weight;

    private static double Along((double T, double Share)[] path, double t)
    {
        var segment = 0;
        while (segment < path.Length - 2 && t > path[segment + 1].T)
        {
            segment++;
        }

        var (from, to) = (path[segment], path[segment + 1]);
        return from.Share + (to.Share - from.Share) * (t - from.T) / (to.T - from.T);
    }

    // Annual statistics: one value per year, the one for the middle of the year.
    private double AnnualWorkingAge(int year) => workingAge * Math.Pow(1 + workingAgeGrowth, year - BaseYear);

    private double SmoothWorkingAge(double t) => workingAge * Math.Pow(1 + workingAgeGrowth, t - 0.5);

    // People age: fewer of working age and more past retirement age each year.
    private double WorkingAgeShare(int year) => workingAgeShare - 0.002 * (year - BaseYear);

    private double RetiredShare(int year) => retiredShare + 0.003 * (year - BaseYear);

    private double RequiredShare(double t) => Math.Min(0.85, required + requiredGrowth * t);

    private double Compliance(double t) => compliance + 0.008 * t;

    private double VoluntaryShare(double t) => Math.Max(0.005, Along(VoluntaryOfEligible, t) * voluntaryFactor);

    private double HealthShare(double t) => Along(HealthInsured, t) + healthOffset;

    private double PensionShare(double t) => Along(PensionReceived, t) + pensionOffset;

    private double RegisteredShare(double t) => Along(EmployersRegistered, t) + registeredOffset;

    private double Performance(double t) => Math.Clamp(paceStart + paceDrift * t, 0.8, 1.04);
}
