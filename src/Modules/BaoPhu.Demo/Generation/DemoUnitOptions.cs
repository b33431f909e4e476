namespace BaoPhu.Demo.Generation;

/// <summary>
/// What demo province to make. The defaults give 8 districts and roughly 110 old communes that
/// merge into roughly 35 new ones, a province small enough to read and large enough to show splits.
/// </summary>
/// <param name="ProvinceCode">Two digits; 99 lies outside the real range 01–96.</param>
/// <param name="Seed">The same seed always gives the same files, byte for byte.</param>
/// <param name="Districts">1–10: district codes are the province code followed by one digit.</param>
/// <param name="MinCommunesPerDistrict">At least 2, so each rural district has a township and a commune.</param>
/// <param name="MaxCommunesPerDistrict">At most 30, so commune codes stay within the province's block.</param>
public sealed record DemoUnitOptions(
    string ProvinceCode = "99",
    int Seed = 2025,
    int Districts = 8,
    int MinCommunesPerDistrict = 10,
    int MaxCommunesPerDistrict = 18)
{
    internal const int MaxDistricts = 10;
    internal const int MinCommunes = 2;
    internal const int MaxCommunes = 30;

    internal void EnsureValid()
    {
        if (ProvinceCode is not { Length: 2 } || !ProvinceCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException(
                $"The demo province code must be exactly two ASCII digits, such as \"99\"; got \"{ProvinceCode}\".",
                nameof(ProvinceCode));
        }

        if (Districts is < 1 or > MaxDistricts)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Districts), Districts, $"A demo province has 1 to {MaxDistricts} districts.");
        }

        if (MinCommunesPerDistrict < MinCommunes || MaxCommunesPerDistrict > MaxCommunes
            || MinCommunesPerDistrict > MaxCommunesPerDistrict)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MinCommunesPerDistrict),
                $"Communes per district must satisfy {MinCommunes} <= minimum <= maximum <= {MaxCommunes}; " +
                $"got {MinCommunesPerDistrict}..{MaxCommunesPerDistrict}.");
        }
    }
}
