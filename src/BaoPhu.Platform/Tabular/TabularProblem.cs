using System.Globalization;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// Something wrong in a tabular file, placed so the sender can find it: the file, the row they see in
/// Excel or a text editor, the column and the value. <paramref name="Message"/> is bilingual,
/// "Vietnamese / English". Row, column and value are null when the problem is the whole file.
/// </summary>
public sealed record TabularProblem(string File, int? Row, string? Column, string? Value, string Message)
{
    /// <summary>Long values are cut in the one-line form so a list of problems stays readable.</summary>
    private const int ShownValueLength = 80;

    /// <summary>One line: <c>file.csv, dòng/row 3, cột/column 'year', giá trị/value '20x5': message</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4) { File };
        if (Row is { } row)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"dòng/row {row}"));
        }

        if (Column is not null)
        {
            parts.Add($"cột/column '{Column}'");
        }

        if (Value is not null)
        {
            var shown = Value.Length > ShownValueLength ? string.Concat(Value.AsSpan(0, ShownValueLength), "…") : Value;
            parts.Add($"giá trị/value '{shown}'");
        }

        return $"{string.Join(", ", parts)}: {Message}";
    }
}

/// <summary>
/// A tabular file that cannot be used as it is. Carries every problem found; the message lists the
/// first few, each naming its file, row, column and value.
/// </summary>
public sealed class TabularFileException : Exception
{
    private const int ShownProblems = 10;

    public TabularFileException(IEnumerable<TabularProblem> problems)
        : this(problems, null)
    {
    }

    public TabularFileException(IEnumerable<TabularProblem> problems, Exception? innerException)
        : this(Materialize(problems), innerException)
    {
    }

    internal TabularFileException(TabularProblem problem, Exception? innerException = null)
        : this([problem], innerException)
    {
    }

    private TabularFileException(TabularProblem[] problems, Exception? innerException)
        : base(Describe(problems), innerException)
    {
        Problems = problems;
    }

    public IReadOnlyList<TabularProblem> Problems { get; }

    private static TabularProblem[] Materialize(IEnumerable<TabularProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToArray();
        return list.Length > 0 ? list : throw new ArgumentException("At least one problem is needed.", nameof(problems));
    }

    private static string Describe(TabularProblem[] problems)
    {
        var lines = problems.Take(ShownProblems).Select(p => p.ToString());
        var hidden = problems.Length - ShownProblems;
        var more = hidden > 0
            ? string.Create(CultureInfo.InvariantCulture, $"\n… và {hidden} vấn đề khác / … and {hidden} more")
            : "";
        return string.Join('\n', lines) + more;
    }
}

/// <summary>The "Vietnamese / English" form every tabular message takes.</summary>
internal static class Bilingual
{
    public static string Text(string vietnamese, string english) => $"{vietnamese} / {english}";

    /// <summary>A size for people: megabytes with one decimal, the same in both languages.</summary>
    public static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
