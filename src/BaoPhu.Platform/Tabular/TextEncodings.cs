using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace BaoPhu.Platform.Tabular;

/// <summary>The encoding a CSV file is read in, the short name shown to users, and the BOM to skip.</summary>
internal sealed record DetectedEncoding(string Name, Encoding Encoding, int BomLength);

/// <summary>
/// Which text encoding a CSV file is in, decided from its bytes, strongest evidence first: a byte
/// order mark; UTF-16 without one (a zero byte in every other position); valid UTF-8; else the legacy
/// Vietnamese encoding (Windows-1258, TCVN3, VNI) whose reading looks most like Vietnamese.
/// </summary>
/// <remarks>
/// <para>
/// The evidence is the first <see cref="SniffBytes"/> holding a byte above 0x7F. When the start of a
/// file is plain ASCII (every encoding here reads it the same), detection looks further, to where the
/// first such byte is: an ASCII header and codes followed by names in TCVN3 is still read as TCVN3.
/// </para>
/// <para>
/// Every decoder is as strict as its encoding allows, so bytes later in the file that do not fit the
/// encoding chosen stop the read with a clear problem instead of becoming a silent U+FFFD in a name.
/// UTF-8 and UTF-16 reject invalid sequences; VNI rejects a modifier byte with no letter before it;
/// every byte means something in TCVN3 and Windows-1258, so there only the detection protects.
/// </para>
/// </remarks>
internal static class TextEncodings
{
    /// <summary>Enough text to see the header and many rows; invalid UTF-8 later is still caught.</summary>
    public const int SniffBytes = 64 * 1024;

    /// <summary>
    /// The share of judged words a legacy reading needs to be believed: a name with a typo or a
    /// minority place name ("Krông") is not Vietnamese spelling, a wrong table makes most words wrong.
    /// On names and addresses the right reading scores about 0.99, the wrong ones about 0.2 at most.
    /// </summary>
    private const double MinVietnameseShare = 0.8;

    /// <summary>
    /// How far ahead of every other reading the chosen one must be. Closer than this the bytes do not
    /// say which table is right (VNI "Hồng" and Windows-1258 "Hoàng" are the same five bytes), and
    /// guessing would risk turning every name into another.
    /// </summary>
    private const double MinLead = 0.2;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Windows-1258 ships with .NET (System.Text.Encoding.CodePages is in the shared framework) but is
    /// only reachable through its provider. Bytes it leaves undefined decode as C1 control characters,
    /// which the scoring counts against it.
    /// </summary>
    private static readonly Encoding Windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(
        1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>The legacy candidates; on identical readings the first wins.</summary>
    private static readonly DetectedEncoding[] Legacy =
    [
        new("Windows-1258", Windows1258, 0),
        new("TCVN3", LegacyEncoding.Tcvn3, 0),
        new("VNI", LegacyEncoding.Vni, 0),
    ];

    /// <summary>The encoding of the file in <paramref name="stream"/> (seekable; its position is left anywhere).</summary>
    public static DetectedEncoding Detect(Stream stream, string fileName)
    {
        var prefix = ReadAt(stream, 0, SniffBytes);
        var isWholeFile = prefix.Length == stream.Length;
        if (prefix.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new("UTF-8 BOM", StrictUtf8, 3);
        }

        if (prefix.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new("UTF-16LE", StrictUtf16Le, 2);
        }

        if (prefix.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new("UTF-16BE", StrictUtf16Be, 2);
        }

        if (Utf16WithoutBom(prefix, isWholeFile) is { } utf16)
        {
            return utf16;
        }

        // Text never holds NUL; a binary file is full of them.
        if (prefix.AsSpan().Contains((byte)0))
        {
            throw Unrecognised(fileName);
        }

        var (evidence, isEnd) = (prefix, isWholeFile);
        if (!isWholeFile && Ascii.IsValid(prefix))
        {
            (evidence, isEnd) = FirstNonAscii(stream, prefix.Length);
        }

        if (IsUtf8(evidence, isEnd))
        {
            return new("UTF-8", StrictUtf8, 0);
        }

        return MostVietnamese(evidence, isEnd) ?? throw Unrecognised(fileName);
    }

    /// <summary>The problem for a file whose encoding is none of those read here, or cannot be told.</summary>
    public static TabularFileException Unrecognised(string fileName) =>
        new(new TabularProblem(fileName, null, null, null, Bilingual.Text(
            "Không nhận ra bảng mã của tệp (đã thử UTF-8, UTF-16, Windows-1258, TCVN3 và VNI); hãy lưu lại dưới dạng CSV UTF-8",
            "Could not recognise the file's encoding (tried UTF-8, UTF-16, Windows-1258, TCVN3 and VNI); save it again as CSV UTF-8")));

    /// <summary>
    /// The message for bytes past the evidence that do not fit the encoding it showed. The decoder works
    /// ahead of the CSV reader, so the row named is where reading stood: the bytes are there or later.
    /// </summary>
    public static string Undecodable(string encodingName) => Bilingual.Text(
        $"Ở dòng này hoặc sau đó, tệp có byte không thuộc bảng mã {encodingName} nhận ra ở phần đầu tệp (có thể tệp ghép từ nhiều bảng mã); hãy lưu lại dưới dạng CSV UTF-8",
        $"At this row or after it, the file holds bytes outside the encoding {encodingName} found at its start (perhaps it was pieced together from several); save it again as CSV UTF-8");

    /// <summary>
    /// UTF-16 without a BOM, told by its zero bytes: mostly-ASCII text (digits, commas, line breaks,
    /// unaccented letters) has a zero high byte in most code units. At least a quarter of the units
    /// must show it on one side, and the other side (zero only in rare characters such as U+0300)
    /// at most an eighth as often; binary data has zeros everywhere or nowhere in particular.
    /// </summary>
    private static DetectedEncoding? Utf16WithoutBom(byte[] prefix, bool isWholeFile)
    {
        var units = prefix.Length / 2;
        var (evenZeros, oddZeros) = (0, 0);
        for (var i = 0; i + 1 < prefix.Length; i += 2)
        {
            evenZeros += prefix[i] == 0 ? 1 : 0;
            oddZeros += prefix[i + 1] == 0 ? 1 : 0;
        }

        var candidate =
            oddZeros * 4 >= units && evenZeros * 8 <= oddZeros ? new DetectedEncoding("UTF-16LE", StrictUtf16Le, 0)
            : evenZeros * 4 >= units && oddZeros * 8 <= evenZeros ? new DetectedEncoding("UTF-16BE", StrictUtf16Be, 0)
            : null;
        return units > 0 && candidate is not null && Decodes(candidate.Encoding, prefix, isWholeFile) is not null ? candidate : null;
    }

    /// <summary>
    /// The legacy reading of <paramref name="evidence"/> that looks most like Vietnamese, when it is
    /// Vietnamese enough and clearly ahead of every reading that differs from it; otherwise null.
    /// </summary>
    private static DetectedEncoding? MostVietnamese(byte[] evidence, bool isEnd)
    {
        var readings = Legacy
            .Select(candidate => (Candidate: candidate, Text: Decodes(candidate.Encoding, evidence, isEnd)?.Normalize(NormalizationForm.FormC)))
            .Where(reading => reading.Text is not null)
            .Select(reading => (reading.Candidate, reading.Text, Share: VietnameseShare(reading.Text!)))
            .ToList();
        if (readings.Count == 0)
        {
            return null;
        }

        var best = readings.MaxBy(reading => reading.Share);
        var clear = best.Share >= MinVietnameseShare && readings.All(other =>
            other.Text == best.Text || other.Share <= best.Share - MinLead);
        return clear ? best.Candidate : null;
    }

    /// <summary>Well-formed syllables among the judged words; text with nothing to judge counts as fully Vietnamese.</summary>
    private static double VietnameseShare(string text)
    {
        var (good, judged) = VietnameseLook.Score(text);
        return judged == 0 ? 1 : (double)good / judged;
    }

    /// <summary>The text of <paramref name="bytes"/>, or null when they are not valid in <paramref name="encoding"/>.</summary>
    private static string? Decodes(Encoding encoding, byte[] bytes, bool isEnd)
    {
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        try
        {
            // A window may end inside a character (or before a VNI modifier); only the file's end must be whole.
            return new string(chars, 0, decoder.GetChars(bytes, chars, flush: isEnd));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// The <see cref="SniffBytes"/> around the first byte above 0x7F at or after
    /// <paramref name="asciiUntil"/>, and whether they reach the end; nothing when the file has none
    /// (it is ASCII, which UTF-8 reads).
    /// </summary>
    private static (byte[] Window, bool IsEnd) FirstNonAscii(Stream stream, long asciiUntil)
    {
        // Enough ASCII before the first legacy byte to hold the start of its word.
        const int Lead = 256;
        var buffer = new byte[SniffBytes];
        var offset = asciiUntil;
        stream.Position = offset;
        int read;
        while ((read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            var at = buffer.AsSpan(0, read).IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (at >= 0)
            {
                var start = Math.Max(0, offset + at - Lead);
                var window = ReadAt(stream, start, SniffBytes);
                return (window, start + window.Length == stream.Length);
            }

            offset += read;
        }

        return ([], true);
    }

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        stream.Position = offset;
        var bytes = new byte[(int)Math.Min(count, stream.Length - offset)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isEnd)
    {
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            // A prefix may end inside a character; only the whole file must end on a boundary.
            var status = Utf8.ToUtf16(bytes, buffer, out _, out _, replaceInvalidSequences: false, isFinalBlock: isEnd);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
