using BaoPhu.Platform.Text;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// One reader for the agencies' CSV and .xlsx files (the feeds of FEEDS.md): a header row, then data rows
/// read by column name. Text comes back trimmed, NFC and with inner white space collapsed; header
/// names also lower case.
/// </summary>
/// <remarks>
/// <para>
/// A CSV row whose field count does not match the header (an extra non-empty field, or fewer fields
/// than the named columns) is still returned by <see cref="Read"/>, with <see cref="RowProblem"/>
/// set: its values may be shifted, so a caller reports the problem and skips the row. A caller that
/// never looks at <see cref="RowProblem"/> cannot import such rows unnoticed: <see cref="Read"/>
/// throws at the end of the file, listing them.
/// </para>
/// <para>
/// Header cells left empty are unnamed columns: ignored, like any column nobody asks for.
/// </para>
/// </remarks>
public sealed class TabularReader : IDisposable
{
    /// <summary>Enough to show the sender where the shape goes wrong; the rest are counted.</summary>
    private const int KeptShapeProblems = 100;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly TabularSource source;
    private readonly Stream stream;
    private readonly Dictionary<string, int> ordinals;
    private readonly int headerRow;
    private readonly int headerWidth;
    private readonly int namedWidth;
    private readonly string?[] cleaned;
    private readonly bool[] isCleaned;
    private readonly (string? Name, int Ordinal)[] recent = new (string?, int)[16];
    private readonly List<TabularProblem> unhandledShapeProblems = [];
    private int unhandledShapeProblemCount;
    private TabularProblem? rowProblem;
    private bool rowProblemSeen;
    private bool ended;

    private TabularReader(TabularSource source, Stream stream)
    {
        this.source = source;
        this.stream = stream;
        FileName = source.FileName;
        while (true)
        {
            if (!source.ReadRecord())
            {
                throw new TabularFileException(new TabularProblem(FileName, null, null, null, Bilingual.Text(
                    "Tệp không có dòng tiêu đề (tên các cột)",
                    "The file has no header row (the column names)")));
            }

            if (!IsBlankRecord())
            {
                break;
            }
        }

        Row = headerRow = source.Row;
        headerWidth = source.FieldCount;
        ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new List<string>(headerWidth);
        var duplicates = new List<TabularProblem>();
        for (var i = 0; i < headerWidth; i++)
        {
            var name = Normalize(source.Field(i));
            if (name.Length == 0)
            {
                continue;
            }

            if (ordinals.TryGetValue(name, out var first))
            {
                duplicates.Add(new TabularProblem(FileName, Row, name, null, Bilingual.Text(
                    $"Cột '{name}' có hai lần (cột thứ {first + 1} và {i + 1})",
                    $"Column '{name}' appears twice (columns {first + 1} and {i + 1})")));
                continue;
            }

            ordinals[name] = i;
            columns.Add(name);
            namedWidth = i + 1;
        }

        if (duplicates.Count > 0)
        {
            throw new TabularFileException(duplicates);
        }

        Columns = columns;
        cleaned = new string?[headerWidth];
        isCleaned = new bool[headerWidth];
    }

    /// <summary>The file name shown in problems.</summary>
    public string FileName { get; }

    /// <summary>
    /// The encoding a CSV file was read in: "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", or a legacy
    /// Vietnamese one it was converted from, "Windows-1258", "TCVN3" or "VNI". Null for .xlsx.
    /// </summary>
    public string? Encoding => source.Encoding;

    /// <summary>The header's names in file order: trimmed, NFC, lower case; unnamed columns left out.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// The row a user sees in Excel or a text editor: the header's before the first <see cref="Read"/>,
    /// then the current row's (header = 1, first data row = 2, blank lines counted; a CSV row with a
    /// line break inside quotes is numbered by its first line).
    /// </summary>
    public int Row { get; private set; }

    /// <summary>
    /// The current row's shape problem (CSV only), or null. Reading it counts as handling it; see the
    /// remarks on <see cref="TabularReader"/>.
    /// </summary>
    public TabularProblem? RowProblem
    {
        get
        {
            rowProblemSeen = true;
            return rowProblem;
        }
    }

    /// <summary>Trimmed NFC text of <paramref name="column"/> in the current row; null when empty or absent.</summary>
    public string? this[string column]
    {
        get
        {
            if (!TryOrdinal(column, out var ordinal))
            {
                return null;
            }

            if (!isCleaned[ordinal])
            {
                var raw = source.Field(ordinal);
                var text = raw is null ? "" : VietnameseText.Clean(raw);
                cleaned[ordinal] = text.Length == 0 ? null : text;
                isCleaned[ordinal] = true;
            }

            return cleaned[ordinal];
        }
    }

    /// <summary>
    /// Opens a CSV or .xlsx file, chosen by content (a zip is an .xlsx whatever its name), and reads its
    /// header. Throws <see cref="TabularFileException"/> for a missing, oversized, damaged or
    /// unreadable file, one with no header, or one with a column named twice.
    /// </summary>
    public static TabularReader Open(string path, TabularLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        limits ??= TabularLimits.Default;
        var fileName = Path.GetFileName(path);
        FileStream stream;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                    "Không tìm thấy tệp", "The file was not found")));
            }

            if (info.Length > limits.MaxFileBytes)
            {
                throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                    $"Tệp lớn {Bilingual.Megabytes(info.Length)}, vượt giới hạn {Bilingual.Megabytes(limits.MaxFileBytes)}",
                    $"The file is {Bilingual.Megabytes(info.Length)}, over the limit of {Bilingual.Megabytes(limits.MaxFileBytes)}")));
            }

            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                "Không mở được tệp", "The file cannot be opened")), e);
        }

        TabularSource? source = null;
        try
        {
            source = OpenSource(fileName, Path.GetExtension(path), stream, limits);
            return new TabularReader(source, stream);
        }
        catch
        {
            if (source is null)
            {
                stream.Dispose();
            }
            else
            {
                source.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// How far through the file the reader is, in bytes of the file on disk (compressed bytes for an
    /// .xlsx), for progress; the reader buffers ahead, so it leads the current row a little.
    /// </summary>
    public (long Done, long Total) Position => (stream.CanSeek ? stream.Position : 0, stream.CanSeek ? stream.Length : 0);

    /// <summary>
    /// Lets <paramref name="name"/> be read from the column headed <paramref name="header"/>: how a saved
    /// column mapping turns an agency's own header into the canonical one. False when the file has no
    /// such header; the canonical name, if the file also has it, then reads the mapped column.
    /// </summary>
    public bool MapColumn(string name, string header)
    {
        if (!TryOrdinal(header, out var ordinal))
        {
            return false;
        }

        ordinals[Normalize(name)] = ordinal;
        Array.Clear(recent);
        return true;
    }

    /// <summary>Whether the header has a column of this name (or one mapped to it).</summary>
    public bool HasColumn(string name) => TryOrdinal(name, out _);

    /// <summary>
    /// Throws a <see cref="TabularFileException"/> listing every one of <paramref name="names"/> the
    /// header lacks.
    /// </summary>
    public void RequireColumns(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var missing = names
            .Select(Normalize)
            .Where(name => !ordinals.ContainsKey(name))
            .Distinct(StringComparer.Ordinal)
            .Select(name => new TabularProblem(FileName, headerRow, name, null, Bilingual.Text(
                $"Thiếu cột '{name}'", $"Column '{name}' is missing")))
            .ToList();
        if (missing.Count > 0)
        {
            throw new TabularFileException(missing);
        }
    }

    /// <summary>
    /// Moves to the next data row that has a value, skipping blank ones; false at the end. Throws at
    /// the end when rows with a shape problem were returned but their <see cref="RowProblem"/> never read.
    /// </summary>
    public bool Read()
    {
        if (ended)
        {
            return false;
        }

        NoteUnhandledShapeProblem();
        while (source.ReadRecord())
        {
            if (IsBlankRecord())
            {
                continue;
            }

            Row = source.Row;
            Array.Clear(isCleaned);
            rowProblem = source.FieldsAreDelimited ? ShapeProblem() : null;
            rowProblemSeen = false;
            return true;
        }

        ended = true;
        rowProblem = null;
        if (unhandledShapeProblemCount > 0)
        {
            var hidden = unhandledShapeProblemCount - unhandledShapeProblems.Count;
            throw new TabularFileException(hidden == 0 ? unhandledShapeProblems : unhandledShapeProblems.Append(
                new TabularProblem(FileName, null, null, null, Bilingual.Text(
                    $"… và {hidden} dòng khác có số giá trị khác số cột",
                    $"… and {hidden} more rows whose number of values differs from the header's"))));
        }

        return false;
    }

    /// <summary>A problem at the current row and <paramref name="column"/>, carrying the value found there.</summary>
    public TabularProblem Problem(string column, string message)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = TryOrdinal(column, out _) ? Normalize(column) : column;
        return new TabularProblem(FileName, Row, name, this[column], message);
    }

    public void Dispose() => source.Dispose();

    private static TabularSource OpenSource(string fileName, string extension, FileStream stream, TabularLimits limits)
    {
        Span<byte> magic = stackalloc byte[8];
        var read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        magic = magic[..read];
        stream.Position = 0;
        if (magic.StartsWith(ZipMagic) || magic.StartsWith(EmptyZipMagic))
        {
            return XlsxSource.Open(fileName, stream, limits);
        }

        if (magic.StartsWith(OleMagic))
        {
            throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                "Tệp Excel 97–2003 (.xls) hoặc có mật khẩu chưa được hỗ trợ; hãy lưu thành .xlsx không mật khẩu hoặc CSV UTF-8",
                "Excel 97–2003 (.xls) and password-protected workbooks are not supported; save as .xlsx without a password or as CSV UTF-8")));
        }

        // Named .xlsx but not a zip: reading it as text would only blame the encoding.
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
        {
            throw XlsxSource.Damaged(fileName, null);
        }

        return CsvSource.Open(fileName, stream);
    }

    /// <summary>How a header name, or a name asked for, is compared: clean, NFC, lower case.</summary>
    private static string Normalize(string? name) =>
        name is null ? "" : VietnameseText.Clean(name.Replace("\uFEFF", "", StringComparison.Ordinal)).ToLowerInvariant();

    /// <summary>
    /// Callers ask for the same few names, as the same string instances, on every row: those are found
    /// by reference among the last ones asked for before the dictionary (which hashes the name) is.
    /// </summary>
    private bool TryOrdinal(string column, out int ordinal)
    {
        foreach (var (name, known) in recent)
        {
            if (ReferenceEquals(name, column))
            {
                ordinal = known;
                return true;
            }
        }

        if (!ordinals.TryGetValue(column, out ordinal) && !ordinals.TryGetValue(Normalize(column), out ordinal))
        {
            return false;
        }

        var free = Array.FindIndex(recent, r => r.Name is null);
        if (free >= 0)
        {
            recent[free] = (column, ordinal);
        }

        return true;
    }

    private bool IsBlankRecord()
    {
        for (var i = 0; i < source.FieldCount; i++)
        {
            if (!source.IsBlank(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Fewer fields than the named columns, or a value past the header: empty trailing fields, as
    /// spreadsheet programs write them, are no problem.
    /// </summary>
    private TabularProblem? ShapeProblem()
    {
        var fields = source.FieldCount;
        var shifted = fields < namedWidth;
        for (var i = headerWidth; !shifted && i < fields; i++)
        {
            shifted = !source.IsBlank(i);
        }

        return shifted
            ? new TabularProblem(FileName, Row, null, null, Bilingual.Text(
                $"Dòng có {fields} giá trị nhưng tiêu đề có {headerWidth} cột (có thể thiếu dấu ngoặc kép quanh một giá trị chứa dấu phẩy)",
                $"The row has {fields} values but the header has {headerWidth} columns (perhaps a value containing a comma is not in double quotes)"))
            : null;
    }

    private void NoteUnhandledShapeProblem()
    {
        if (rowProblem is null || rowProblemSeen)
        {
            return;
        }

        unhandledShapeProblemCount++;
        if (unhandledShapeProblems.Count < KeptShapeProblems)
        {
            unhandledShapeProblems.Add(rowProblem);
        }
    }
}
