using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// The first sheet of an .xlsx, streamed row by row through MiniExcel. Cells come back as text the
/// way the canonical CSV writes them: numbers in the invariant culture without exponent, dates
/// yyyy-MM-dd, formulas as the value Excel last calculated (MiniExcel reads the cached value and
/// never evaluates).
/// </summary>
/// <remarks>
/// Safety, checked here or relied on: the zip directory is read before any part is unpacked (entry
/// count from the end-of-directory record, declared sizes from the directory); .NET never inflates a
/// part beyond its declared size, so a lying size truncates the part instead of filling memory;
/// MiniExcel reads XML with DTDs prohibited and no resolver, so an external entity is refused, never
/// fetched; embedded-file conversion is switched off; shared strings past 5 MB go to MiniExcel's disk
/// cache. Memory therefore stays flat with file size.
/// </remarks>
internal sealed class XlsxSource : TabularSource
{
    private static readonly OpenXmlConfiguration Configuration = new()
    {
        // Blank rows must come through so the row count matches Excel's row numbers.
        IgnoreEmptyRows = false,
        FillMergedCells = false,
        // Otherwise a cell holding "@@@fileid@@@,path" makes MiniExcel load that zip part into memory.
        EnableConvertByteArray = false,
        EnableSharedStringCache = true,
    };

    private readonly Stream stream;
    private readonly IEnumerator<object> rows;
    private string?[] cells = [];
    private int row;

    private XlsxSource(string fileName, Stream stream)
        : base(fileName)
    {
        this.stream = stream;
        rows = Guard(() => MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: Configuration).GetEnumerator());
    }

    public override int Row => row;

    public override int FieldCount => cells.Length;

    public override bool FieldsAreDelimited => false;

    /// <summary>Checks the zip directory against <paramref name="limits"/>, then opens the first sheet; owns the stream.</summary>
    public static XlsxSource Open(string fileName, Stream stream, TabularLimits limits)
    {
        Inspect(fileName, stream, limits);
        stream.Position = 0;
        return new XlsxSource(fileName, stream);
    }

    public override bool ReadRecord()
    {
        if (!Guard(rows.MoveNext))
        {
            return false;
        }

        // With blank rows kept, MiniExcel yields exactly one record per sheet row from row 1.
        row++;
        var record = (IDictionary<string, object?>)rows.Current;
        var width = 0;
        foreach (var key in record.Keys)
        {
            width = Math.Max(width, ColumnIndex(key) + 1);
        }

        cells = new string?[width];
        foreach (var (key, value) in record)
        {
            cells[ColumnIndex(key)] = Render(value);
        }

        return true;
    }

    public override string? Field(int index) => index < cells.Length ? cells[index] : null;

    public override void Dispose()
    {
        try
        {
            rows.Dispose();
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>A cell as the canonical CSV would carry it.</summary>
    internal static string? Render(object? value) => value switch
    {
        null => null,
        string text => text,
        double number => Number(number),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// 15890, 97.7, 0.1: through decimal, which keeps the 15 significant digits Excel stores and never
    /// switches to an exponent; beyond decimal's range the round-trip form is all there is.
    /// </summary>
    private static string Number(double number) =>
        double.IsFinite(number) && Math.Abs(number) < 7.9e28
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"A" → 0, "AB" → 27: MiniExcel names the cells of a row by their column letters.</summary>
    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static void Inspect(string fileName, Stream stream, TabularLimits limits)
    {
        // The count first, from the end record alone: reading a directory of millions of entries
        // would itself take the memory the limit is there to protect.
        var declaredEntries = DeclaredEntryCount(stream) ?? throw Damaged(fileName, null);
        if (declaredEntries > (ulong)limits.MaxZipEntries)
        {
            throw TooMany(fileName, declaredEntries, limits);
        }

        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw TooMany(fileName, (ulong)zip.Entries.Count, limits);
            }

            var unpacked = 0L;
            var isWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxUnpackedBytes - unpacked)
                {
                    throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                        $"Tệp .xlsx khi giải nén chiếm hơn {Bilingual.Megabytes(limits.MaxUnpackedBytes)}, vượt giới hạn; không giải nén",
                        $"The .xlsx file would unpack to more than {Bilingual.Megabytes(limits.MaxUnpackedBytes)}, over the limit; not unpacked")));
                }

                unpacked += entry.Length;
                isWorkbook |= entry.FullName.TrimStart('/') == "xl/workbook.xml";
            }

            if (!isWorkbook)
            {
                throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                    "Tệp nén này không phải bảng tính .xlsx",
                    "This zip file is not an .xlsx workbook")));
            }
        }
        catch (InvalidDataException e)
        {
            throw Damaged(fileName, e);
        }
    }

    /// <summary>
    /// The total entry count of the zip's end-of-central-directory record (ZIP64 when the short count
    /// overflows); null when there is no such record, as in a truncated file.
    /// </summary>
    private static ulong? DeclaredEntryCount(Stream stream)
    {
        const int endRecordLength = 22;
        const int zip64LocatorLength = 20;
        var length = stream.Length;
        if (length < endRecordLength)
        {
            return null;
        }

        // The end record is followed only by a comment of at most 65,535 bytes.
        var tail = new byte[(int)Math.Min(length, endRecordLength + ushort.MaxValue + zip64LocatorLength)];
        var tailStart = length - tail.Length;
        stream.Position = tailStart;
        stream.ReadExactly(tail);
        var end = tail.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);
        if (end < 0 || end + endRecordLength > tail.Length)
        {
            return null;
        }

        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var locator = end - zip64LocatorLength;
        if (entries != ushort.MaxValue || locator < 0 || !tail.AsSpan(locator).StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x06, 0x07]))
        {
            return entries;
        }

        var zip64End = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(locator + 8));
        if (zip64End < 0 || zip64End > length - 56)
        {
            return null;
        }

        var record = new byte[56];
        stream.Position = zip64End;
        stream.ReadExactly(record);
        return record.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x06, 0x06])
            ? BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32))
            : null;
    }

    /// <summary>
    /// MiniExcel reports a broken part with whatever the failing layer throws (zip, XML, a missing
    /// part, a DTD refused); for the sender it is one thing: the file is damaged.
    /// </summary>
    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (TabularFileException or OutOfMemoryException or OperationCanceledException))
        {
            throw Damaged(FileName, e);
        }
    }

    internal static TabularFileException Damaged(string fileName, Exception? cause) =>
        new(new TabularProblem(fileName, null, null, null, Bilingual.Text(
            "Tệp .xlsx bị hỏng hoặc không đầy đủ",
            "The .xlsx file is damaged or incomplete")), cause);

    private static TabularFileException TooMany(string fileName, ulong entries, TabularLimits limits) =>
        new(new TabularProblem(fileName, null, null, null, Bilingual.Text(
            $"Tệp .xlsx có {entries} phần nén, vượt giới hạn {limits.MaxZipEntries}; không giải nén",
            $"The .xlsx file holds {entries} zip entries, over the limit of {limits.MaxZipEntries}; not unpacked")));
}
