using System.Collections.Frozen;
using System.Text;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// A Vietnamese font encoding from before Unicode, read (never written) through a table: each byte is
/// a character on its own, or a modifier that only exists after a base letter (VNI writes "ễ" as
/// "e" followed by "ã"). The decoder is stateful so a base letter at the end of one buffer still meets
/// its modifier at the start of the next, which lets <see cref="StreamReader"/> stream the file.
/// </summary>
internal sealed class LegacyEncoding : Encoding
{
    /// <summary>In the byte table: the byte is only valid as a modifier after a base letter.</summary>
    private const char NotAlone = '\uFFFF';

    private readonly string name;
    private readonly char[] standalone;
    private readonly FrozenDictionary<int, char> combined;
    private readonly FrozenSet<char> bases;

    private LegacyEncoding(string name, char[] standalone, Dictionary<int, char> combined)
    {
        this.name = name;
        this.standalone = standalone;
        this.combined = combined.ToFrozenDictionary();
        bases = combined.Keys.Select(key => (char)(key >> 8)).ToFrozenSet();
    }

    /// <summary>
    /// TCVN 5712:1993, table VN1: every byte is one character. The ABC fonts' table VN3 is VN1 without
    /// the capitals with tone marks (those were drawn by separate upper-case fonts), so this one table
    /// reads both. 0xB0–0xB4 are the five tone marks as combining characters.
    /// </summary>
    public static LegacyEncoding Tcvn3 { get; } = CreateTcvn3();

    /// <summary>
    /// VNI-Windows: ASCII and Windows-1252 below 0xC0; above it, ơ ư đ and i, ỵ with their tones are
    /// single bytes, every other letter is a base letter followed by one modifier byte for its marks.
    /// There is no formal standard: this is the layout of VNI Software's fonts, as public converters
    /// reproduce it.
    /// </summary>
    public static LegacyEncoding Vni { get; } = CreateVni();

    public override string EncodingName => name;

    /// <summary>The character each byte stands for on its own (tests check the table through this).</summary>
    internal IReadOnlyList<char> Standalone => standalone;

    /// <summary>Base letter and modifier byte, as <c>(base &lt;&lt; 8) | modifier</c>, to the letter they make.</summary>
    internal IReadOnlyDictionary<int, char> Combined => combined;

    public override Decoder GetDecoder() => new TableDecoder(this);

    // A base letter held back at the end of one buffer comes out with the next.
    public override int GetMaxCharCount(int byteCount) => byteCount + 1;

    public override int GetCharCount(byte[] bytes, int index, int count) =>
        new TableDecoder(this).Decode(bytes.AsSpan(index, count), [], flush: true, commit: false);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        new TableDecoder(this).Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush: true, commit: true);

    // Files are only ever read in these encodings; anything written is UTF-8.
    public override int GetMaxByteCount(int charCount) => throw new NotSupportedException();

    public override int GetByteCount(char[] chars, int index, int count) => throw new NotSupportedException();

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw new NotSupportedException();

    private static LegacyEncoding CreateTcvn3()
    {
        // 0x80–0xFF, sixteen to a line; from the standard's code table.
        const string High =
            "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ" + // 0x80
            "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ" + // 0x90
            "\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ" + // 0xA0
            "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ" + // 0xB0
            "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" + // 0xC0
            "éẹềểễếệìỉỄẾỒĩíịò" + // 0xD0
            "Ổỏõóọồổỗốộờởỡớợù" + // 0xE0
            "ỖủũúụừửữứựỳỷỹýỵỐ"; // 0xF0
        var standalone = new char[256];
        for (var b = 0; b < 0x80; b++)
        {
            standalone[b] = (char)b;
        }

        // The capitals that did not fit above 0x7F sit on control codes no text file uses.
        foreach (var (b, c) in new[] { (0x01, 'Ú'), (0x02, 'Ụ'), (0x04, 'Ừ'), (0x05, 'Ử'), (0x06, 'Ữ'), (0x11, 'Ứ'), (0x12, 'Ự'), (0x13, 'Ỳ'), (0x14, 'Ỷ'), (0x15, 'Ỹ'), (0x16, 'Ý'), (0x17, 'Ỵ') })
        {
            standalone[b] = c;
        }

        High.CopyTo(standalone.AsSpan(0x80));
        return new LegacyEncoding("TCVN3", standalone, []);
    }

    private static LegacyEncoding CreateVni()
    {
        // Lower case; upper case is the same with every character upper-cased ("AÙ" is "Á").
        // The modifier bytes after a base letter, in the order of the letters they make.
        (char Base, string Modifiers, string Letters)[] combinations =
        [
            ('a', "ùøûõï", "áàảãạ"), ('a', "âáàåãä", "âấầẩẫậ"), ('a', "êéèúüë", "ăắằẳẵặ"),
            ('e', "ùøûõï", "éèẻẽẹ"), ('e', "âáàåãä", "êếềểễệ"),
            ('o', "ùøûõï", "óòỏõọ"), ('o', "âáàåãä", "ôốồổỗộ"),
            ('ơ', "ùøûõï", "ớờởỡợ"),
            ('u', "ùøûõï", "úùủũụ"),
            ('ư', "ùøûõï", "ứừửữự"),
            ('y', "ùøûõ", "ýỳỷỹ"),
        ];

        // The bytes that are letters on their own: ơ, ư, đ, then i with its five tones, then ỵ.
        const string AloneBytes = "ôöñíìæóòî";
        const string AloneLetters = "ơưđíìỉĩịỵ";

        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var standalone = new char[256];
        for (var b = 0; b < 0xC0; b++)
        {
            standalone[b] = b < 0x80 ? (char)b : windows1252.GetString([(byte)b])[0];
        }

        // Above 0xBF, a byte that is neither a letter below nor a modifier (ç, ÷, ý...) means nothing in VNI.
        standalone.AsSpan(0xC0).Fill(NotAlone);
        var combined = new Dictionary<int, char>();
        foreach (var upper in new[] { false, true })
        {
            string Cased(string text) => upper ? text.ToUpperInvariant() : text;
            for (var i = 0; i < AloneBytes.Length; i++)
            {
                standalone[Cased(AloneBytes)[i]] = Cased(AloneLetters)[i];
            }

            foreach (var (letter, modifiers, letters) in combinations)
            {
                var baseLetter = Cased(letter.ToString())[0];
                for (var i = 0; i < modifiers.Length; i++)
                {
                    combined[(baseLetter << 8) | Cased(modifiers)[i]] = Cased(letters)[i];
                }
            }
        }

        return new LegacyEncoding("VNI", standalone, combined);
    }

    private sealed class TableDecoder(LegacyEncoding encoding) : Decoder
    {
        /// <summary>A base letter waiting to see whether the next byte modifies it; '\0' when none.</summary>
        private char pending;

        public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

        public override int GetCharCount(byte[] bytes, int index, int count, bool flush) =>
            Decode(bytes.AsSpan(index, count), [], flush, commit: false);

        public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush) => Decode(bytes, [], flush, commit: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush) =>
            Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush, commit: true);

        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush) => Decode(bytes, chars, flush, commit: true);

        public override void Reset() => pending = '\0';

        /// <summary>Decodes into <paramref name="chars"/> when <paramref name="commit"/>, else only counts.</summary>
        public int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush, bool commit)
        {
            var held = pending;
            var written = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var c = encoding.standalone[bytes[i]];
                if (c == NotAlone)
                {
                    if (held == '\0' || !encoding.combined.TryGetValue((held << 8) | bytes[i], out var letter))
                    {
                        throw new DecoderFallbackException($"Byte 0x{bytes[i]:X2} is not a character in {encoding.name} here.", [bytes[i]], i);
                    }

                    Put(chars, ref written, letter, commit);
                    held = '\0';
                    continue;
                }

                if (held != '\0')
                {
                    Put(chars, ref written, held, commit);
                    held = '\0';
                }

                if (encoding.bases.Contains(c))
                {
                    held = c;
                }
                else
                {
                    Put(chars, ref written, c, commit);
                }
            }

            if (flush && held != '\0')
            {
                Put(chars, ref written, held, commit);
                held = '\0';
            }

            if (commit)
            {
                pending = held;
            }

            return written;
        }

        private static void Put(Span<char> chars, ref int written, char c, bool commit)
        {
            if (commit)
            {
                chars[written] = c;
            }

            written++;
        }
    }
}
