namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>What <see cref="DemoFeedGenerator"/> makes: how many people, over which months, from which seed.</summary>
/// <param name="ProvinceCode">Two digits; the province is a demo one whatever its code ("(DEMO)" in its name).</param>
/// <param name="Workers">People of working age; employers are about one for eight of them, retirees one for ten.</param>
/// <param name="Months">Consecutive months from <paramref name="FirstPeriod"/>.</param>
/// <param name="Seed">The same options and seed always give the same files, byte for byte.</param>
/// <param name="FirstPeriod">The first day of the first month; from July 2024, the earliest month POLICY.md's values cover.</param>
public sealed record DemoFeedOptions(
    string ProvinceCode = "99",
    int Workers = 2_000,
    int Months = 12,
    int Seed = 2025,
    DateOnly FirstPeriod = default)
{
    public const int MinWorkers = 200;
    public const int MaxWorkers = 20_000_000;
    public const int MaxMonths = 60;

    /// <summary>January 2025, so twelve months run across the reform of 1 July 2025.</summary>
    public static readonly DateOnly DefaultFirstPeriod = new(2025, 1, 1);

    internal DateOnly FirstMonth => FirstPeriod == default ? DefaultFirstPeriod : FirstPeriod;

    internal DateOnly LastMonth => FirstMonth.AddMonths(Months - 1);

    /// <summary>R: the last day of the last generated month, the date the snapshots and arrears are as of.</summary>
    internal DateOnly LastDay => FirstMonth.AddMonths(Months).AddDays(-1);

    internal DemoUnitOptions Units => new(ProvinceCode, Seed);

    internal void EnsureValid()
    {
        if (ProvinceCode is not { Length: 2 } || !ProvinceCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException(
                $"Mã tỉnh mẫu phải gồm đúng 2 chữ số, ví dụ 99 / the demo province code must be two digits, such as 99; got \"{ProvinceCode}\".");
        }

        Units.EnsureValid();
        if (Workers is < MinWorkers or > MaxWorkers)
        {
            throw new ArgumentException(
                $"Số lao động phải từ {MinWorkers} đến {MaxWorkers} / the number of workers must be {MinWorkers} to {MaxWorkers}.");
        }

        if (Months is < 1 or > MaxMonths)
        {
            throw new ArgumentException(
                $"Số tháng phải từ 1 đến {MaxMonths} / the number of months must be 1 to {MaxMonths}.");
        }

        if (FirstMonth.Day != 1 || FirstMonth < FeedPolicy.EarliestMonth || LastMonth.Year > 2030)
        {
            throw new ArgumentException(
                $"Các tháng phải nằm trong 2024-07 đến 2030-12 / the months must lie within 2024-07 to 2030-12; got {Months} months from {FirstMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
