using System.Globalization;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// Parsers for the value formats of FEEDS.md. Each returns false on bad input, so a reader collects
/// every problem of a file instead of stopping at the first; the matching <c>…Message</c> method
/// says, in both languages, why a value was refused.
/// </summary>
/// <remarks>
/// <para>
/// Numbers are plain digits with an optional '.' decimal point (15890, 97.7; an .xlsx number cell
/// arrives in that form). Thousands separators are refused: "15.890" is 15890 in Vietnamese writing
/// and 15.89 in English, and a wrong guess changes a count a thousandfold, so any value shaped like
/// 1–3 digits, a point and 3 digits is refused as ambiguous, as are commas, spaces and several
/// points. Signs and exponents are refused: counts and amounts are never negative.
/// </para>
/// <para>
/// Years, periods and dates lie in 1900–2100, which covers every birth date and period a feed carries
/// and catches a two-digit year or a typing slip.
/// </para>
/// </remarks>
public static class TabularValues
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly string Missing = Bilingual.Text("Thiếu giá trị", "The value is missing");

    /// <summary>yyyy, 1900–2100.</summary>
    public static bool TryYear(string? text, out int year)
    {
        year = 0;
        var s = text.AsSpan().Trim();
        return s.Length == 4 && TryDigits(s, out year) && year is >= MinYear and <= MaxYear;
    }

    /// <summary>
    /// yyyy-MM or yyyy-M; also yyyy-MM-01, which is how an .xlsx cell holding a month as a date
    /// arrives (Excel turns "2025-03" typed in a cell into 1 March 2025). Any other day is a date,
    /// not a period, and is refused.
    /// </summary>
    public static bool TryPeriod(string? text, out int year, out int month)
    {
        year = month = 0;
        var s = text.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[4];
        switch (s.Split(parts, '-'))
        {
            case 2 when s[parts[0]].Length == 4 && TryDigits(s[parts[0]], out var y) && y is >= MinYear and <= MaxYear
                && s[parts[1]].Length is 1 or 2 && TryDigits(s[parts[1]], out var m) && m is >= 1 and <= 12:
                (year, month) = (y, m);
                return true;
            case 3 when TryDate(text, out var date) && date.Day == 1:
                (year, month) = (date.Year, date.Month);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// yyyy-MM-dd (the canonical form, and how an .xlsx date cell arrives) or dd/MM/yyyy as officials
    /// write it; single-digit day and month are accepted in both (1/7/2025). The date must exist.
    /// </summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        var s = text.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[4];
        int year, month, day;
        if (s.Split(parts, '-') == 3)
        {
            if (!(s[parts[0]].Length == 4 && TryDigits(s[parts[0]], out year)
                && s[parts[1]].Length is 1 or 2 && TryDigits(s[parts[1]], out month)
                && s[parts[2]].Length is 1 or 2 && TryDigits(s[parts[2]], out day)))
            {
                return false;
            }
        }
        else if (s.Split(parts, '/') == 3)
        {
            if (!(s[parts[0]].Length is 1 or 2 && TryDigits(s[parts[0]], out day)
                && s[parts[1]].Length is 1 or 2 && TryDigits(s[parts[1]], out month)
                && s[parts[2]].Length == 4 && TryDigits(s[parts[2]], out year)))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// A non-negative number: digits with an optional decimal point (15890, 15890.0, 97.7). Refuses
    /// separators and the ambiguous "15.890" shape (see the remarks on <see cref="TabularValues"/>).
    /// </summary>
    public static bool TryCount(string? text, out decimal value)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        return IsPlainNumber(s) && !IsAmbiguous(s)
            && decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whole VND: digits only; a fraction of zeros (1500000.0, from an .xlsx number) is allowed.</summary>
    public static bool TryMoney(string? text, out long vnd)
    {
        vnd = 0;
        var s = text.AsSpan().Trim();
        if (!IsPlainNumber(s) || IsAmbiguous(s))
        {
            return false;
        }

        var point = s.IndexOf('.');
        if (point >= 0 && s[(point + 1)..].ContainsAnyExcept('0'))
        {
            return false;
        }

        var whole = point >= 0 ? s[..point] : s;
        return long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out vnd);
    }

    /// <summary>Why <see cref="TryYear"/> refused <paramref name="text"/>.</summary>
    public static string YearMessage(string? text) => string.IsNullOrWhiteSpace(text)
        ? Missing
        : Bilingual.Text(
            $"Năm phải là 4 chữ số từ {MinYear} đến {MaxYear} (yyyy)",
            $"The year must be 4 digits from {MinYear} to {MaxYear} (yyyy)");

    /// <summary>Why <see cref="TryPeriod"/> refused <paramref name="text"/>.</summary>
    public static string PeriodMessage(string? text) => string.IsNullOrWhiteSpace(text)
        ? Missing
        : Bilingual.Text(
            "Kỳ phải có dạng yyyy-MM (năm-tháng), ví dụ 2025-03",
            "The period must be yyyy-MM (year-month), e.g. 2025-03");

    /// <summary>Why <see cref="TryDate"/> refused <paramref name="text"/>.</summary>
    public static string DateMessage(string? text) => string.IsNullOrWhiteSpace(text)
        ? Missing
        : Bilingual.Text(
            $"Ngày phải có dạng yyyy-MM-dd hoặc dd/MM/yyyy, là ngày có thật trong {MinYear}–{MaxYear}",
            $"The date must be yyyy-MM-dd or dd/MM/yyyy, a real date in {MinYear}–{MaxYear}");

    /// <summary>Why <see cref="TryCount"/> refused <paramref name="text"/>.</summary>
    public static string CountMessage(string? text) => NumberMessage(text, "15890", Bilingual.Text(
        "Phải là một số không âm, chỉ gồm chữ số và dấu chấm thập phân, ví dụ 15890 hoặc 97.7",
        "Must be a non-negative number of digits with an optional decimal point, e.g. 15890 or 97.7"));

    /// <summary>Why <see cref="TryMoney"/> refused <paramref name="text"/>.</summary>
    public static string MoneyMessage(string? text)
    {
        var s = text.AsSpan().Trim();
        var point = s.IndexOf('.');
        return IsPlainNumber(s) && !IsAmbiguous(s) && point >= 0 && s[(point + 1)..].ContainsAnyExcept('0')
            ? Bilingual.Text("Số tiền phải là số đồng nguyên, không có phần lẻ", "Money must be whole VND, without a fraction")
            : NumberMessage(text, "1500000", Bilingual.Text(
                "Phải là số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1500000",
                "Must be an amount in VND, digits only, e.g. 1500000"));
    }

    private static string NumberMessage(string? text, string example, string otherwise)
    {
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return Missing;
        }

        if (s[0] == '-')
        {
            return Bilingual.Text("Số không được âm", "The number must not be negative");
        }

        var grouped = IsAmbiguous(s) || s.ContainsAny(',', ' ', '\u00A0') || s.Count('.') > 1;
        return grouped
            ? Bilingual.Text(
                $"Không ghi dấu phân cách hàng nghìn: '{text!.Trim()}' có thể hiểu theo hai cách (15.890 là 15890 hay 15,89?); hãy ghi liền, ví dụ {example}",
                $"Write numbers without thousands separators: '{text!.Trim()}' can be read two ways (is 15.890 15890 or 15.89?); write digits only, e.g. {example}")
            : otherwise;
    }

    /// <summary>Digits with at most one decimal point, with a digit on each side of it.</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> s)
    {
        var point = s.IndexOf('.');
        return point < 0
            ? !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9')
            : point > 0 && point < s.Length - 1
                && !s[..point].ContainsAnyExceptInRange('0', '9')
                && !s[(point + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// 1–3 digits not starting with 0, a point, exactly 3 digits: also a valid Vietnamese thousands
    /// grouping, so its meaning cannot be told.
    /// </summary>
    private static bool IsAmbiguous(ReadOnlySpan<char> s)
    {
        var point = s.IndexOf('.');
        return point is >= 1 and <= 3 && s.Length - point - 1 == 3 && s[0] != '0'
            && !s[..point].ContainsAnyExceptInRange('0', '9')
            && !s[(point + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>ASCII digits only (int.Parse would also take other scripts' digits and signs).</summary>
    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9 || s.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        foreach (var c in s)
        {
            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
