using System.Globalization;
using System.Text;
using BaoPhu.Demo.Generation.Feeds;

namespace BaoPhu.Bench;

/// <summary>
/// The two <c>tax-employees</c> files of the feed-import benchmark, made once and kept in the data
/// folder: a month of the demo province's payrolls with over a million rows (as
/// <c>baophu demo generate --workers 1400000 --months 1 --seed 1</c> writes it), and the same rows ten
/// times over, for memory against file size.
/// </summary>
internal sealed record FeedImportFiles(string Million, string TenTimes, int MillionRows, int TenTimesRows)
{
    public const string Feed = "tax-employees";

    /// <summary>People of working age in the demo province: enough for a month of over a million taxed jobs.</summary>
    private const int Workers = 1_400_000;

    private const int MinRows = 1_000_000;

    public const int Copies = 10;

    private static readonly DemoFeedOptions Options = new(Workers: Workers, Months: 1, Seed: 1);

    /// <summary>The files in <paramref name="directory"/>, generated first when absent (not timed).</summary>
    public static FeedImportFiles Prepare(string directory, TextWriter progress)
    {
        var million = Path.Combine(directory, "tax-employees-1x.csv");
        var tenTimes = Path.Combine(directory, "tax-employees-10x.csv");
        if (!File.Exists(million))
        {
            var generated = Path.Combine(directory, "generated");
            progress.WriteLine($"Generating the demo feeds for {Workers:N0} workers in {generated} (once) …");
            DemoFeedGenerator.Generate(Options, generated);
            var file = Path.Combine(generated, $"{Feed}-{DemoFeedOptions.DefaultFirstPeriod:yyyy-MM}.csv");
            WriteLoadable(file, million + ".part");
            File.Move(million + ".part", million, overwrite: true);
            Directory.Delete(generated, recursive: true);
        }

        var millionRows = DataRows(million);
        if (millionRows < MinRows)
        {
            throw new BenchFailedException($"{million} has {millionRows:N0} rows, fewer than {MinRows:N0}; delete it to generate it again.");
        }

        if (!File.Exists(tenTimes))
        {
            progress.WriteLine($"Writing {tenTimes}: the rows of {Path.GetFileName(million)} {Copies} times (once) …");
            WriteCopies(million, tenTimes + ".part");
            File.Move(tenTimes + ".part", tenTimes, overwrite: true);
        }

        return new FeedImportFiles(million, tenTimes, millionRows, DataRows(tenTimes));
    }

    /// <summary>
    /// The generated file without the few rows the generator plants with a malformed income (negative,
    /// or with thousands separators) or a birth date that does not exist: the import refuses them and
    /// <c>psql \copy</c> cannot load them into a bigint or date column, so both sides get a file that
    /// loads whole. The other planted problems (a wrong check digit, an ID disagreeing with the birth
    /// date, a repeated key) stay: they load as text, and the import refuses those rows as it should.
    /// </summary>
    private static void WriteLoadable(string source, string target)
    {
        using var writer = Writer(target);
        var header = true;
        foreach (var line in File.ReadLines(source, Encoding.UTF8))
        {
            // period,employer_tax_code,person_id,full_name,birth_date,gross_income; no value is quoted.
            var fields = line.Split(',');
            if (header || (fields.Length == 6 && !line.Contains('"', StringComparison.Ordinal)
                && DateOnly.TryParseExact(fields[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                && fields[5].Length > 0 && !fields[5].AsSpan().ContainsAnyExceptInRange('0', '9')))
            {
                writer.WriteLine(line);
            }

            header = false;
        }
    }

    /// <summary>
    /// Every row <see cref="Copies"/> times. Copy k &gt; 0 moves each row to a branch of its employer
    /// (<c>-NNN</c> suffix 100·k + the row's own branch number, which the generator keeps under 100):
    /// still a valid tax code, and a key no other row has, so no copy is refused as a duplicate.
    /// </summary>
    private static void WriteCopies(string source, string target)
    {
        var lines = File.ReadAllLines(source, Encoding.UTF8);
        using var writer = Writer(target);
        writer.WriteLine(lines[0]);
        for (var copy = 0; copy < Copies; copy++)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                // period,employer_tax_code,…: neither of the first two fields is ever quoted.
                var first = line.IndexOf(',', StringComparison.Ordinal);
                var second = line.IndexOf(',', first + 1);
                var code = line.AsSpan(first + 1, second - first - 1);
                if (copy == 0)
                {
                    writer.WriteLine(line);
                    continue;
                }

                var branch = code.Length == 14 ? int.Parse(code[11..], CultureInfo.InvariantCulture) : 0;
                if (line.Contains('"', StringComparison.Ordinal) && line.IndexOf('"', StringComparison.Ordinal) < second || code.Length is not (10 or 14) || branch >= 100)
                {
                    throw new BenchFailedException($"{source}, line {i + 1}: unexpected employer tax code '{code}'.");
                }

                writer.Write(line.AsSpan(0, first + 1));
                writer.Write(code[..10]);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"-{(100 * copy) + branch:D3}"));
                writer.WriteLine(line.AsSpan(second));
            }
        }
    }

    private static StreamWriter Writer(string file) =>
        new(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20) { NewLine = "\n" };

    /// <summary>Lines after the header (the generator writes no blank lines and no line breaks inside values).</summary>
    private static int DataRows(string file) => File.ReadLines(file).Skip(1).Count(l => l.Length > 0);
}
