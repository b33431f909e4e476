using System.Globalization;

namespace BaoPhu.Platform.Text;

/// <summary>
/// Vietnamese first, English available: each text is written once with both languages side by
/// side, so no page can lack a translation. The request's UI culture picks one.
/// </summary>
public static class Localized
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string vietnamese, string english) => IsEnglish ? english : vietnamese;

    /// <summary>A date as officials write it, dd/MM/yyyy, in either language.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A stored UTC time as officials read a clock: dd/MM/yyyy HH:mm in Vietnam; "" when none.</summary>
    public static string Time(DateTime? utc) =>
        utc is { } value ? Platform.Time.VietnamTime.ToVietnamTime(value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>A count in the current culture: 10.047 in Vietnamese, 10,047 in English.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
