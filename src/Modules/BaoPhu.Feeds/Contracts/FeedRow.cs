using System.Globalization;
using BaoPhu.Platform.Identifiers;
using BaoPhu.Platform.Tabular;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Feeds.Contracts;

/// <summary>
/// The file's current row as a feed definition reads it: each method parses one canonical column,
/// and records a problem naming the file, row, column and value when the value is wrong, returning
/// a default the definition may ignore (the row is refused anyway).
/// </summary>
public sealed class FeedRow
{
    private readonly TabularReader reader;
    private readonly IUnitCodeResolver units;
    private readonly Func<string, bool> required;
    private readonly List<TabularProblem> problems = [];
    private readonly List<TabularProblem> warnings = [];
    private readonly DateOnly fallbackDate;
    private (int Year, int Month, string Text, DateOnly End) lastPeriod = (0, 0, "", default);

    internal FeedRow(TabularReader reader, IUnitCodeResolver units, Func<string, bool> required, string? period, DateOnly fallbackDate)
    {
        this.reader = reader;
        this.units = units;
        this.required = required;
        this.fallbackDate = fallbackDate;
        FilePeriod = period;
        On = fallbackDate;
    }

    /// <summary>The file's period once known: the request's, else the first row's.</summary>
    internal string? FilePeriod { get; private set; }

    /// <summary>The date codes of this row are read against: the end of its period, or the file's as-of date.</summary>
    public DateOnly On { get; private set; }

    /// <summary>The row's number as the sender sees it (header = 1).</summary>
    public int Number => reader.Row;

    internal IReadOnlyList<TabularProblem> Problems => problems;

    internal IReadOnlyList<TabularProblem> Warnings => warnings;

    internal void Next()
    {
        problems.Clear();
        warnings.Clear();
        On = fallbackDate;
    }

    internal void Add(TabularProblem problem) => problems.Add(problem);

    /// <summary>The cleaned (trimmed, NFC) text of the column; null when empty. Missing required values are problems.</summary>
    public string? Text(string column, int maxLength = 200)
    {
        var text = reader[column];
        if (text is null)
        {
            if (required(column))
            {
                Problem(column, "Thiếu giá trị / The value is missing");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Problem(column, $"Dài quá {maxLength} ký tự / Longer than {maxLength} characters");
            return null;
        }

        return text;
    }

    /// <summary>yyyy-MM, which must be the file's period; also sets <see cref="On"/> to the period's last day.</summary>
    public string Period(string column = "period")
    {
        var text = reader[column];
        if (!TabularValues.TryPeriod(text, out var year, out var month))
        {
            Problem(column, TabularValues.PeriodMessage(text));
            return "";
        }

        // Every row of a file has the same period: its text and last day are made once.
        if (year != lastPeriod.Year || month != lastPeriod.Month)
        {
            lastPeriod = (year, month, string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}"),
                new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        }

        On = lastPeriod.End;
        return SamePeriod(column, lastPeriod.Text);
    }

    /// <summary>yyyy, which must be the file's year; also sets <see cref="On"/> to 31 December.</summary>
    public int Year(string column = "year")
    {
        var text = reader[column];
        if (!TabularValues.TryYear(text, out var year))
        {
            Problem(column, TabularValues.YearMessage(text));
            return 0;
        }

        On = new DateOnly(year, 12, 31);
        SamePeriod(column, year.ToString(CultureInfo.InvariantCulture));
        return year;
    }

    public DateOnly? Date(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (!TabularValues.TryDate(text, out var date))
        {
            Problem(column, TabularValues.DateMessage(text));
            return null;
        }

        return date;
    }

    /// <summary>Whole VND, not negative.</summary>
    public long Money(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return 0;
        }

        if (!TabularValues.TryMoney(text, out var vnd))
        {
            Problem(column, TabularValues.MoneyMessage(text));
        }

        return vnd;
    }

    /// <summary>A whole count of people or units, not negative.</summary>
    public int Count(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return 0;
        }

        if (!TabularValues.TryCount(text, out var value) || value != decimal.Truncate(value) || value > int.MaxValue)
        {
            Problem(column, TabularValues.CountMessage(text));
            return 0;
        }

        return (int)value;
    }

    /// <summary>A tax code with its check digit (branch suffix allowed).</summary>
    public string? TaxCode(string column)
    {
        var text = Text(column, 14);
        if (text is not null && Platform.Identifiers.TaxCode.Problem(text) is { } problem)
        {
            Problem(column, problem);
            return null;
        }

        return text;
    }

    /// <summary>
    /// A national ID agreeing with the row's birth date and sex (when given). When
    /// <paramref name="mayBeUnknown"/>, a missing or malformed ID is only a warning and comes back null:
    /// such rows are kept for matching by name and birth date.
    /// </summary>
    public string? PersonId(string column, DateOnly? birthDate, Sex? sex, bool mayBeUnknown = false)
    {
        var text = reader[column];
        var problem = text is null ? "Thiếu số định danh / The national ID is missing" : NationalId.Problem(text, birthDate, sex);
        if (problem is null)
        {
            return text;
        }

        if (mayBeUnknown && (text is null || NationalId.Decode(text) is null))
        {
            warnings.Add(reader.Problem(column, problem));
            return null;
        }

        Problem(column, problem);
        return null;
    }

    /// <summary>A 10-digit SI number (mã số BHXH).</summary>
    public string? SiNumber(string column)
    {
        var text = Text(column, 10);
        if (text is not null && (text.Length != 10 || text.AsSpan().ContainsAnyExceptInRange('0', '9')))
        {
            Problem(column, "Mã số BHXH phải gồm đúng 10 chữ số / An SI number is exactly 10 digits");
            return null;
        }

        return text;
    }

    /// <summary>The commune with this code in force on <see cref="On"/>; its id.</summary>
    public Guid? Commune(string column) => Unit(column, "commune");

    /// <summary>The province, district or commune with this code in force on <see cref="On"/>; its id.</summary>
    public Guid? Unit(string column, string? level = null)
    {
        var text = Text(column, 5);
        if (text is null)
        {
            return null;
        }

        var unit = units.Find(text, On);
        if (unit is null || (level is not null && !string.Equals(unit.Level, level, StringComparison.OrdinalIgnoreCase)))
        {
            Problem(column, level == "commune"
                ? $"Không có xã/phường mã {text} vào ngày {On:dd/MM/yyyy} / No commune has code {text} on {On:dd/MM/yyyy}"
                : $"Không có đơn vị hành chính mã {text} vào ngày {On:dd/MM/yyyy} / No administrative unit has code {text} on {On:dd/MM/yyyy}");
            return null;
        }

        return unit.Id;
    }

    /// <summary>One of the codes <paramref name="choices"/> allows (compared ignoring case).</summary>
    public T Choice<T>(string column, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Text(column, 40);
        if (text is null)
        {
            return default;
        }

        foreach (var (code, value) in choices)
        {
            if (string.Equals(code, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var allowed = string.Join(", ", choices.Keys);
        Problem(column, $"Giá trị phải là một trong: {allowed} / The value must be one of: {allowed}");
        return default;
    }

    /// <summary>0 or 1.</summary>
    public bool Flag(string column)
    {
        var text = Text(column, 5);
        switch (text)
        {
            case null or "0":
                return false;
            case "1":
                return true;
            default:
                Problem(column, "Giá trị phải là 0 hoặc 1 / The value must be 0 or 1");
                return false;
        }
    }

    /// <summary>Records a problem at this row and column, refusing the row.</summary>
    public void Problem(string column, string message) => problems.Add(reader.Problem(column, message));

    private string SamePeriod(string column, string period)
    {
        if (FilePeriod is null)
        {
            FilePeriod = period;
        }
        else if (FilePeriod != period)
        {
            Problem(column, $"Kỳ {period} khác kỳ của tệp ({FilePeriod}); mỗi tệp chỉ chứa một kỳ / Period {period} differs from the file's ({FilePeriod}); a file holds one period");
        }

        return period;
    }
}
