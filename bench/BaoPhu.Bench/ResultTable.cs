using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Bench;

/// <summary>The markdown tables of median and minimum the import benchmarks print, and their number formats.</summary>
internal static class ResultTable
{
    /// <summary>The runtime, system and processors, for the line above a table.</summary>
    public static string Machine =>
        $"{RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}; {Environment.ProcessorCount} CPUs";

    public static string Write(string title, string introduction, IEnumerable<(string Label, string Median, string Min)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"#### {title}");
        text.AppendLine();
        text.AppendLine(introduction);
        text.AppendLine();
        text.AppendLine("| Measure | Median | Min |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var (label, median, min) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {median} | {min} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    public static string DisplayName(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public static string BulkPath(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "prepared INSERT, one transaction" : "binary COPY";

    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    public static (string, string, string) Row(string label, Summary value, Func<double, string> format, bool bold = false)
    {
        string Cell(double? x) => x is { } v ? (bold ? $"**{format(v)}**" : format(v)) : "n/a";
        return (label, Cell(value.Median), Cell(value.Min));
    }

    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + " s";

    public static string Mebibytes(double bytes) => (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    public static string Ratio(double ratio) => ratio.ToString(ratio < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + "×";
}
