using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// Which text encoding a CSV file is in, decided from its first bytes. Today: UTF-8 with or without
/// BOM, UTF-16 LE or BE with BOM. Every decoder is strict, so a byte that is not valid in the chosen
/// encoding stops the read with a clear problem instead of becoming a silent U+FFFD in a name.
/// </summary>
/// <remarks>
/// Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258) still circulate in older agency
/// systems. They are recognised in <see cref="Detect"/>, in the branch where the prefix is not
/// valid UTF-8: that is the one place to add a detector returning a decoding for them (TCVN3 and VNI
/// need their own byte-to-Unicode tables, Windows-1258 needs
/// <c>CodePagesEncodingProvider</c> and NFC afterwards, since it writes tone marks as combining
/// characters).
/// </remarks>
internal static class TextEncodings
{
    /// <summary>Enough text to see the header and many rows; invalid UTF-8 later is still caught.</summary>
    public const int SniffBytes = 64 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The encoding of <paramref name="prefix"/> (the start of the file, or all of it when
    /// <paramref name="isWholeFile"/>) and the length of its byte order mark, which the caller skips.
    /// </summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> prefix, bool isWholeFile, string fileName)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (StrictUtf16Le, 2);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (StrictUtf16Be, 2);
        }

        // Text never holds NUL; UTF-16 saved without a BOM, or a binary file, is full of them.
        if (prefix.Contains((byte)0))
        {
            throw new TabularFileException(new TabularProblem(fileName, null, null, null, Bilingual.Text(
                "Tệp chứa ký tự NUL nên không phải CSV UTF-8 (có thể là UTF-16 không có BOM, hoặc không phải tệp văn bản); hãy lưu lại dưới dạng CSV UTF-8",
                "The file contains NUL characters, so it is not UTF-8 CSV (perhaps UTF-16 without a BOM, or not a text file); save it again as CSV UTF-8")));
        }

        if (!IsUtf8(prefix, isWholeFile))
        {
            throw NotUtf8(fileName, null);
        }

        return (StrictUtf8, 0);
    }

    /// <summary>The problem for bytes that are not in the detected encoding, found before or while reading.</summary>
    public static TabularFileException NotUtf8(string fileName, Exception? cause) =>
        new(new TabularProblem(fileName, null, null, null, Bilingual.Text(
            "Tệp không phải văn bản UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258, chưa được hỗ trợ); hãy lưu lại dưới dạng CSV UTF-8",
            "The file is not UTF-8 text (perhaps TCVN3, VNI or Windows-1258, not supported yet); save it again as CSV UTF-8")), cause);

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isWholeFile)
    {
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            // A prefix may end inside a character; only the whole file must end on a boundary.
            var status = Utf8.ToUtf16(bytes, buffer, out _, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
