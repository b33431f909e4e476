using System.Text;
using Sylvan.Data.Csv;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// A CSV file through Sylvan: comma, double quotes, fields spanning lines. The header is read as an
/// ordinary record so its line, blank lines before it and every field count stay visible here.
/// </summary>
internal sealed class CsvSource : TabularSource
{
    /// <summary>
    /// A record must fit in Sylvan's buffer. A real row is a few hundred characters; a record of
    /// millions is an opening quote never closed, which would otherwise swallow the file into memory.
    /// </summary>
    private const int MaxRecordChars = 4 * 1024 * 1024;

    private readonly CsvDataReader csv;
    private readonly Func<bool> read;
    private int row;
    private int nextRow = 1;

    private CsvSource(string fileName, string encoding, TextReader text)
        : base(fileName)
    {
        Encoding = encoding;
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ',',
            BufferSize = 64 * 1024,
            MaxBufferSize = MaxRecordChars,
            // Sylvan skips lines starting with '#' as comments by default, which would drop a data
            // row silently. NUL never starts a line of text, so a "comment" now means a broken file.
            Comment = '\0',
            CommentHandler = (Action<string>)(_ => throw Problem(nextRow, Bilingual.Text(
                "Dòng bắt đầu bằng ký tự NUL: tệp bị hỏng hoặc không phải CSV UTF-8",
                "The line starts with a NUL character: the file is damaged or not UTF-8 CSV"), null)),
        };
        csv = Guard(() => CsvDataReader.Create(text, options));
        // Made once: a method group converted on every record would be an allocation per row.
        read = csv.Read;
    }

    public override int Row => row;

    public override int FieldCount => csv.RowFieldCount;

    public override bool FieldsAreDelimited => true;

    public override string Encoding { get; }

    /// <summary>Opens <paramref name="stream"/> (positioned at 0) as CSV; the source owns the stream.</summary>
    public static CsvSource Open(string fileName, Stream stream)
    {
        var detected = TextEncodings.Detect(stream, fileName);
        stream.Position = detected.BomLength;
        var text = new StreamReader(stream, detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: false);
        try
        {
            return new CsvSource(fileName, detected.Name, text);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    public override bool ReadRecord()
    {
        row = nextRow;
        if (!Guard(read))
        {
            return false;
        }

        nextRow += LineBreaks(csv.GetRawRecordSpan());
        return true;
    }

    public override string? Field(int index) => index < csv.RowFieldCount ? csv.GetString(index) : null;

    public override bool IsBlank(int index) => index >= csv.RowFieldCount || csv.GetFieldSpan(index).IsWhiteSpace();

    public override void Dispose() => csv.Dispose();

    /// <summary>Lines a record spans as an editor counts them: LF, CRLF or a lone CR each end one.</summary>
    private static int LineBreaks(ReadOnlySpan<char> record)
    {
        var breaks = 0;
        for (var i = 0; i < record.Length; i++)
        {
            if (record[i] == '\n' || (record[i] == '\r' && (i + 1 == record.Length || record[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }

    /// <summary>Sylvan's and the decoder's exceptions, as problems placed at the record being read.</summary>
    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException e)
        {
            throw Problem(nextRow, TextEncodings.Undecodable(Encoding), e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw Problem(nextRow, Bilingual.Text(
                "Dòng dài bất thường: có thể thiếu dấu ngoặc kép đóng",
                "The row is abnormally long: a closing double quote may be missing"), e);
        }
        catch (CsvFormatException e)
        {
            throw Problem(nextRow, Bilingual.Text(
                "Dấu ngoặc kép không đúng quy tắc CSV (thiếu dấu đóng, hoặc có ký tự ngay sau dấu đóng)",
                "Double quotes break the CSV rules (a missing closing quote, or text right after one)"), e);
        }
        catch (IOException e)
        {
            throw Problem(null, Bilingual.Text("Không đọc được tệp", "The file cannot be read"), e);
        }
    }

    private TabularFileException Problem(int? at, string message, Exception? cause) =>
        new(new TabularProblem(FileName, at, null, null, message), cause);
}
