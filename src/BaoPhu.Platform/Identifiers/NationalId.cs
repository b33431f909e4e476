using System.Collections.Frozen;

namespace BaoPhu.Platform.Identifiers;

/// <summary>Sex as the registers record it (<c>M</c>, <c>F</c>).</summary>
public enum Sex
{
    Male,
    Female,
}

/// <summary>
/// The 12-digit national ID (số định danh cá nhân, printed on the CCCD): three digits for the
/// province where the birth was registered, one for century and sex, two for the year of birth,
/// six at random (Circular 59/2021/TT-BCA).
/// </summary>
/// <remarks>
/// The province digits are the 63 GSO province codes in force when IDs began to be issued, with a
/// leading zero. The 2025 reorganisation kept 34 of them for the new provinces and issues no new
/// ones, so the set does not change with it.
/// </remarks>
public static class NationalId
{
    /// <summary>The 63 birth-province codes.</summary>
    public static readonly FrozenSet<string> ProvinceCodes = new[]
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The birth year and sex an ID encodes, or null when it is not a well-formed ID.</summary>
    public static (int BirthYear, Sex Sex)? Decode(ReadOnlySpan<char> id)
    {
        if (id.Length != 12 || id.ContainsAnyExceptInRange('0', '9') || !ProvinceCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(id[..3]))
        {
            return null;
        }

        // 0/1: 1900s, 2/3: 2000s, … 8/9: 2200s; even for men, odd for women.
        var centuryAndSex = id[3] - '0';
        var year = 1900 + (centuryAndSex / 2 * 100) + ((id[4] - '0') * 10) + (id[5] - '0');
        return (year, centuryAndSex % 2 == 0 ? Sex.Male : Sex.Female);
    }

    /// <summary>
    /// Why <paramref name="id"/> is not a national ID, or disagrees with the birth date or sex the
    /// same row gives, in both languages; null when all agree. Either may be null when the feed
    /// does not carry it.
    /// </summary>
    public static string? Problem(ReadOnlySpan<char> id, DateOnly? birthDate, Sex? sex)
    {
        if (id.Length != 12 || id.ContainsAnyExceptInRange('0', '9'))
        {
            return "Số định danh (CCCD) phải gồm đúng 12 chữ số / A national ID (CCCD) is exactly 12 digits";
        }

        if (Decode(id) is not { } decoded)
        {
            return $"Ba chữ số đầu của số định danh ({id[..3]}) không phải mã tỉnh nơi đăng ký khai sinh / The national ID's first three digits ({id[..3]}) are not a birth-province code";
        }

        if (birthDate is { } date && date.Year != decoded.BirthYear)
        {
            return $"Số định danh ghi năm sinh {decoded.BirthYear}, khác ngày sinh {date:dd/MM/yyyy} / The national ID encodes birth year {decoded.BirthYear}, not the birth date {date:dd/MM/yyyy}";
        }

        if (sex is { } s && s != decoded.Sex)
        {
            return decoded.Sex == Sex.Male
                ? "Số định danh là của nam, khác giới tính ghi trong dòng (nữ) / The national ID is a man's, but the row says female"
                : "Số định danh là của nữ, khác giới tính ghi trong dòng (nam) / The national ID is a woman's, but the row says male";
        }

        return null;
    }

    /// <summary>An ID for a person born in <paramref name="birthYear"/> (1900–2299), with six given trailing digits.</summary>
    public static string Create(string provinceCode, int birthYear, Sex sex, int serial)
    {
        if (!ProvinceCodes.Contains(provinceCode) || birthYear is < 1900 or > 2299 || serial is < 0 or > 999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(provinceCode), "No national ID has these parts.");
        }

        var centuryAndSex = ((birthYear - 1900) / 100 * 2) + (sex == Sex.Female ? 1 : 0);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{provinceCode}{centuryAndSex}{birthYear % 100:00}{serial:000000}");
    }
}
