using System.Globalization;
using System.Text;

namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// One canonical CSV file being written: UTF-8 without BOM, comma, <c>\n</c>, RFC 4180 quoting where
/// a value needs it. A person-level file also gets about one malformed row in
/// <see cref="MalformedRate"/> (at least one once it has 100 rows): an extra, spoiled copy of a row
/// just written, so the accepted rows and the truth drawn from them stay as they were.
/// </summary>
internal sealed class FeedCsvFile : IDisposable
{
    public const double MalformedRate = 1.0 / 10_000;

    public const int RowsForOneMalformed = 100;

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter writer;
    private readonly FeedShape shape;
    private readonly string? period;
    private readonly Random random;
    private readonly string unknownCommune;
    private readonly string[] last;
    private readonly string[] spoiled;
    private bool hasLast;

    public FeedCsvFile(string directory, string fileName, FeedShape shape, string? period, int seed, string unknownCommune)
    {
        this.shape = shape;
        this.period = period;
        this.unknownCommune = unknownCommune;
        FileName = fileName;
        Row = new string[shape.Header.Length];
        last = new string[shape.Header.Length];
        spoiled = new string[shape.Header.Length];

        // A stream of its own per file, so that the malformed rows of one file do not move another's.
        random = new Random(unchecked(seed ^ StableHash(fileName)));
        writer = new StreamWriter(Path.Combine(directory, fileName), append: false, Utf8WithoutBom, bufferSize: 1 << 16) { NewLine = "\n" };
        Write(shape.Header);
    }

    public string FileName { get; }

    /// <summary>The row to fill before <see cref="WriteRow"/>; reused.</summary>
    public string[] Row { get; }

    public int Rows { get; private set; }

    public int Malformed { get; private set; }

    public static string Money(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(int dayNumber) => Date(DateOnly.FromDayNumber(dayNumber));

    public void WriteRow()
    {
        Write(Row);
        Rows++;
        if (!shape.IsPersonLevel)
        {
            return;
        }

        Array.Copy(Row, last, Row.Length);
        hasLast = true;
        if (random.NextDouble() < MalformedRate)
        {
            WriteSpoiledCopy();
        }
    }

    /// <summary>Ends the file and gives its manifest entry.</summary>
    public DemoFeedFile Close()
    {
        if (shape.IsPersonLevel && Malformed == 0 && Rows >= RowsForOneMalformed && hasLast)
        {
            WriteSpoiledCopy();
        }

        writer.Dispose();
        return new DemoFeedFile(shape.Feed, FileName, period, Rows, Malformed);
    }

    public void Dispose() => writer.Dispose();

    // string.GetHashCode is randomised per process; the malformed rows must not be.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private void WriteSpoiledCopy()
    {
        Array.Copy(last, spoiled, last.Length);
        while (!Spoil(spoiled, (Spoiling)random.Next(SpoilingCount)))
        {
        }

        Write(spoiled);
        Rows++;
        Malformed++;
    }

    private const int SpoilingCount = 7;

    private enum Spoiling
    {
        CheckDigit,
        ImpossibleDate,
        NegativeAmount,
        NotANumber,
        UnknownCommune,
        IdDisagreesWithBirthDate,
        DuplicateKey,
    }

    /// <summary>Spoils one value of the copy in the way asked, or returns false when the feed has no such value.</summary>
    private bool Spoil(string[] row, Spoiling how)
    {
        switch (how)
        {
            case Spoiling.CheckDigit when shape.TaxCode >= 0 && row[shape.TaxCode].Length >= 10:
                var code = row[shape.TaxCode];
                var digit = (char)('0' + (((code[9] - '0') + 1 + random.Next(9)) % 10));
                row[shape.TaxCode] = string.Concat(code.AsSpan(0, 9), [digit], code.AsSpan(10));
                return true;
            case Spoiling.ImpossibleDate when shape.BirthDate >= 0:
                row[shape.BirthDate] = string.Concat(row[shape.BirthDate].AsSpan(0, 4), "-02-30");
                return true;
            case Spoiling.NegativeAmount when shape.Amount >= 0:
                row[shape.Amount] = "-" + row[shape.Amount];
                return true;
            case Spoiling.NotANumber when shape.Amount >= 0:
                // Thousands written the Vietnamese way: the ambiguity every importer must refuse.
                row[shape.Amount] = WithThousandsDots(row[shape.Amount]);
                return row[shape.Amount].Contains('.', StringComparison.Ordinal);
            case Spoiling.UnknownCommune when shape.Commune >= 0:
                row[shape.Commune] = unknownCommune;
                return true;
            case Spoiling.IdDisagreesWithBirthDate when shape.IdAgreesWithBirthDate:
                var id = row[shape.PersonId];
                var year = ((id[4] - '0') * 10) + (id[5] - '0');
                row[shape.PersonId] = string.Create(CultureInfo.InvariantCulture, $"{id.AsSpan(0, 4)}{(year + 1 + random.Next(5)) % 100:D2}{id.AsSpan(6)}");
                return true;
            case Spoiling.DuplicateKey when row[shape.PersonId].Length == 12:
                // An exact copy: the key of the row before it, which an importer keeps; this one it refuses.
                return true;
            default:
                return false;
        }
    }

    private static string WithThousandsDots(string digits)
    {
        var text = new StringBuilder(digits);
        for (var i = digits.Length - 3; i > 0; i -= 3)
        {
            text.Insert(i, '.');
        }

        return text.ToString();
    }

    private void Write(string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var value = fields[i];
            if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
            {
                writer.Write(value);
            }
            else
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
        }

        writer.WriteLine();
    }
}
