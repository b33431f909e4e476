namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// The policy values of POLICY.md the feeds depend on, each with the date it took effect, so that a
/// month before and after a change is generated with the value then in force.
/// </summary>
internal static class FeedPolicy
{
    /// <summary>The earliest month the tables below cover for every value.</summary>
    public static readonly DateOnly EarliestMonth = new(2024, 7, 1);

    // Base salary (lương cơ sở), the reference level: the insured-wage floor, and 20 times it the ceiling.
    private static readonly (DateOnly From, long Value)[] BaseSalary =
    [
        (new DateOnly(2024, 7, 1), 2_340_000),
        (new DateOnly(2026, 7, 1), 2_530_000),
    ];

    // Regional minimum wage, regions I–IV (Decree 74/2024, Decree 293/2025).
    private static readonly (DateOnly From, long[] Values)[] MinimumWage =
    [
        (new DateOnly(2024, 7, 1), [4_960_000, 4_410_000, 3_860_000, 3_450_000]),
        (new DateOnly(2026, 1, 1), [5_310_000, 4_730_000, 4_140_000, 3_700_000]),
    ];

    /// <summary>Rural poverty line (Decree 07/2021); the lowest income voluntary SI can be paid on.</summary>
    public const long RuralPovertyLine = 1_500_000;

    /// <summary>The base salary before July 2024, which some employers still declare by mistake.</summary>
    public const long PreviousBaseSalary = 1_800_000;

    /// <summary>Employer 21.5% + employee 10.5% of the insured wage, in percent.</summary>
    public const int ContributionPercent = 32;

    /// <summary>Social pension from 75 under the 2024 law, in force 1/7/2025; 80 under the old one.</summary>
    public static int SocialPensionAge(DateOnly month) => month >= new DateOnly(2025, 7, 1) ? 75 : 80;

    public static long Floor(DateOnly month) => InForce(BaseSalary, month);

    public static long Ceiling(DateOnly month) => 20 * Floor(month);

    /// <summary>The regional minimum wage; <paramref name="region"/> 0 is region I.</summary>
    public static long MinimumWageOf(int region, DateOnly month) => InForce(MinimumWage, month)[region];

    /// <summary>32% of the insured wages, rounded to the VND.</summary>
    public static long Contribution(long insuredWages) => ((insuredWages * ContributionPercent) + 50) / 100;

    private static T InForce<T>((DateOnly From, T Value)[] table, DateOnly month)
    {
        var value = table[0].Value;
        foreach (var (from, v) in table)
        {
            if (from <= month)
            {
                value = v;
            }
        }

        return value;
    }
}
