using System.Text;
using BaoPhu.Platform.Tabular;
using BaoPhu.Testing;

namespace BaoPhu.Platform.Tests;

/// <summary>
/// CSV files in the encodings agencies' old systems write: detected, converted to NFC text, named in
/// <see cref="TabularReader.Encoding"/>; anything else refused rather than read as mojibake.
/// </summary>
public sealed class TextEncodingTests : IDisposable
{
    private static readonly string[] Names =
    [
        "Nguyễn Thị Hồng Nhung", "Trần Đức Lượng", "Phạm Văn Ưng", "Lê Thị Ánh Tuyết", "Hoàng Ngọc Ẩn", "Đặng Quốc Việt",
    ];

    private static readonly string[] Tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

    /// <summary>The 134 letters of Vietnamese beyond ASCII: twelve vowels with six tones, đ, both cases.</summary>
    private static readonly string[] Alphabet = BuildAlphabet();

    private static readonly Encoding Windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(
        1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Open_WhenCsvIsTcvn3_ReadsTheNamesAsUnicode()
    {
        // TCVN3 bytes from the standard's table, shown as Latin-1 the way the files look in a plain
        // editor: Ô (0xD4) is ễ, Þ (0xDE) ị, § (0xA7) Đ, 0x83 Á, and so on.
        var bytes = Encoding.Latin1.GetBytes(
            "ho_ten,que_quan\n" +
            "NguyÔn ThÞ Hång Nhung,Thanh Hãa\n" +
            "TrÇn §øc L\u00ADîng,Hµ Néi\n" +
            "Ph¹m V¨n ¦ng,NghÖ An\n" +
            "L\u00AA ThÞ \u0083nh TuyÕt,Qu¶ng B×nh\n" +
            "Hoµng Ngäc Ân,§ång Th¸p\n" +
            "§Æng Quèc ViÖt,Hµ TÜnh\n");

        var rows = ReadNames("tcvn3.csv", bytes, out var encoding);

        Assert.Equal("TCVN3", encoding);
        Assert.Equal(Names, rows.Select(row => row.Name));
        Assert.Equal(["Thanh Hóa", "Hà Nội", "Nghệ An", "Quảng Bình", "Đồng Tháp", "Hà Tĩnh"], rows.Select(row => row.Place));
    }

    [Fact]
    public void Open_WhenTcvn3FileIsInCapitalsFromAbcFonts_ReadsItKeepingTheLowerCaseTonedLetters()
    {
        // The ABC fonts' table has Ă Â Ê Ô Ơ Ư Đ but no capital with a tone: capitals typed in those
        // fonts hold the lower-case byte (Ô 0xD4 is ễ), which is what the file says and is kept.
        var bytes = Encoding.Latin1.GetBytes("HO_TEN\nNGUYÔN V¡N AN\nTRÇN THÞ HOA\n§ÆNG QUèC VIÖT\n");

        using var reader = TabularReader.Open(WriteBytes("abc.csv", bytes));
        var read = new List<string?>();
        while (reader.Read())
        {
            read.Add(reader["ho_ten"]);
        }

        Assert.Equal("TCVN3", reader.Encoding);
        Assert.Equal(["NGUYễN VĂN AN", "TRầN THị HOA", "ĐặNG QUốC VIệT"], read);
    }

    [Fact]
    public void Open_WhenCsvIsVni_ReadsTheNamesAsUnicode()
    {
        // VNI: a base letter then a modifier byte for its marks ("eã" is ễ, "oà" ồ); ơ (ô), ư (ö),
        // đ (ñ) and i with its tones (ò is ị) are single bytes; capitals take capital modifiers.
        var bytes = Encoding.Latin1.GetBytes(
            "ho_ten,que_quan\n" +
            "Nguyeãn Thò Hoàng Nhung,Thanh Hoùa\n" +
            "Traàn Ñöùc Löôïng,Haø Noäi\n" +
            "Phaïm Vaên Öng,Ngheä An\n" +
            "Leâ Thò AÙnh Tuyeát,Quaûng Bình\n" +
            "Hoaøng Ngoïc AÅn,Ñoàng Thaùp\n" +
            "Ñaëng Quoác Vieät,Haø Tónh\n");

        var rows = ReadNames("vni.csv", bytes, out var encoding);

        Assert.Equal("VNI", encoding);
        Assert.Equal(Names, rows.Select(row => row.Name));
        Assert.Equal(["Thanh Hóa", "Hà Nội", "Nghệ An", "Quảng Bình", "Đồng Tháp", "Hà Tĩnh"], rows.Select(row => row.Place));
    }

    [Fact]
    public void Open_WhenCsvIsWindows1258_ReadsTheNamesAsNfc()
    {
        var text = "ho_ten,que_quan\n" + string.Concat(Names.Select(name => $"{name},Thanh Hóa\n"));
        var bytes = To1258(text);
        Assert.Contains((byte)0xDE, bytes); // ễ is ê + a combining tilde in Windows-1258

        var rows = ReadNames("cp1258.csv", bytes, out var encoding);

        Assert.Equal("Windows-1258", encoding);
        Assert.Equal(Names, rows.Select(row => row.Name));
        Assert.All(rows, row => Assert.True(row.Name.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void Tcvn3Table_GivesEveryVietnameseLetterExactlyOneByte()
    {
        var letters = Enumerable.Range(0, 256)
            .Where(b => b is < 0x20 or > 0x7F)
            .Select(b => LegacyEncoding.Tcvn3.Standalone[b])
            .Where(char.IsLetter)
            .Select(c => c.ToString())
            .ToList();

        Assert.Equal(Alphabet.Order(StringComparer.Ordinal), letters.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void VniTable_GivesEveryVietnameseLetterExactlyOneByteSequence()
    {
        // Below 0xC0 VNI is Windows-1252, whose few letters (ƒ, Š, µ...) are not Vietnamese.
        var letters = Enumerable.Range(0xC0, 0x40)
            .Select(b => LegacyEncoding.Vni.Standalone[b])
            .Where(char.IsLetter)
            .Concat(LegacyEncoding.Vni.Combined.Values)
            .Select(c => c.ToString())
            .ToList();

        Assert.Equal(Alphabet.Order(StringComparer.Ordinal), letters.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("TCVN3")]
    [InlineData("VNI")]
    [InlineData("Windows-1258")]
    public void Open_WhenCsvHoldsTheWholeAlphabet_ReadsEveryLetterBack(string encodingName)
    {
        // One letter per row, as a one-letter word; đ and Đ need a vowel to make a syllable.
        var words = Alphabet.Select(letter => letter is "đ" or "Đ" ? letter + "a" : letter).ToList<string?>();
        var text = "chu\n" + string.Concat(words.Select(word => word + "\n"));
        var bytes = encodingName switch
        {
            "TCVN3" => Encode(LegacyEncoding.Tcvn3, text),
            "VNI" => Encode(LegacyEncoding.Vni, text),
            _ => To1258(text),
        };

        using var reader = TabularReader.Open(WriteBytes($"{encodingName}.csv", bytes));
        var read = new List<string?>();
        while (reader.Read())
        {
            read.Add(reader["chu"]);
        }

        Assert.Equal(encodingName, reader.Encoding);
        Assert.Equal(words, read);
    }

    [Fact]
    public void VniDecoder_WhenALetterIsSplitAcrossReads_StillCombinesIt()
    {
        // A file is read in 64 KB blocks: "e" may end one and its modifier "ã" begin the next.
        var bytes = Encode(LegacyEncoding.Vni, string.Join(",", Names));
        var decoder = LegacyEncoding.Vni.GetDecoder();
        var text = new StringBuilder();
        var chars = new char[2];
        for (var i = 0; i < bytes.Length; i++)
        {
            var count = decoder.GetChars(bytes, i, 1, chars, 0, flush: i == bytes.Length - 1);
            text.Append(chars, 0, count);
        }

        Assert.Equal(string.Join(",", Names), text.ToString());
    }

    [Theory]
    [InlineData("TCVN3")]
    [InlineData("VNI")]
    [InlineData("Windows-1258")]
    public void Open_WhenLegacyFileHasAHeaderAndOneRow_DetectsIt(string encodingName)
    {
        var text = "ma_so,ho_ten\n0381234567,Lê Thị Ánh Tuyết\n";
        var bytes = encodingName switch
        {
            "TCVN3" => Encode(LegacyEncoding.Tcvn3, text),
            "VNI" => Encode(LegacyEncoding.Vni, text),
            _ => To1258(text),
        };

        using var reader = TabularReader.Open(WriteBytes("short.csv", bytes));

        Assert.Equal(encodingName, reader.Encoding);
        Assert.True(reader.Read());
        Assert.Equal("Lê Thị Ánh Tuyết", reader["ho_ten"]);
    }

    [Fact]
    public void Open_WhenTheBytesReadAsVietnameseInTwoEncodings_RefusesInsteadOfGuessing()
    {
        // 'H', 'o', 0xE0, 'n', 'g' is "Hoàng" in Windows-1258 and "Hồng" in VNI.
        var path = WriteBytes("ambiguous.csv", Encoding.Latin1.GetBytes("ten\nHoàng\n"));

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(path));

        Assert.Equal("ambiguous.csv", Assert.Single(e.Problems).File);
        Assert.Contains("Could not recognise the file's encoding", e.Message);
    }

    [Fact]
    public void Open_WhenLegacyBytesComeAfterAnAsciiStart_DetectsThemWhereTheyBegin()
    {
        // Codes fill the first 64 KB; the first name in TCVN3 comes after them.
        var text = new StringBuilder("ma_so,ho_ten\n");
        var row = 0;
        while (text.Length < TextEncodings.SniffBytes + 1000)
        {
            text.Append($"{row++:D10},Nguyen Van A\n");
        }

        text.Append("0999999999,Đặng Quốc Việt\n");

        using var reader = TabularReader.Open(WriteBytes("late.csv", Encode(LegacyEncoding.Tcvn3, text.ToString())));
        string? last = null;
        while (reader.Read())
        {
            last = reader["ho_ten"];
        }

        Assert.Equal("TCVN3", reader.Encoding);
        Assert.Equal("Đặng Quốc Việt", last);
    }

    [Fact]
    public void Read_WhenUtf8FileTurnsLegacyPastTheStart_RefusesAtTheRowInsteadOfMojibake()
    {
        var start = new StringBuilder("ma_so,ho_ten\n");
        var row = 0;
        while (start.Length < TextEncodings.SniffBytes * 2)
        {
            start.Append($"{row++:D10},Nguyễn Thị Hồng Nhung\n");
        }

        var bytes = Encoding.UTF8.GetBytes(start.ToString()).Concat(Encode(LegacyEncoding.Tcvn3, "0999999999,Đặng Quốc Việt\n")).ToArray();
        using var reader = TabularReader.Open(WriteBytes("mixed.csv", bytes));

        var e = Assert.Throws<TabularFileException>(() =>
        {
            while (reader.Read())
            {
                Assert.Equal("Nguyễn Thị Hồng Nhung", reader["ho_ten"]);
            }
        });

        var problem = Assert.Single(e.Problems);
        Assert.Equal("mixed.csv", problem.File);
        Assert.InRange(problem.Row!.Value, 2, row + 2);
        Assert.Contains("outside the encoding UTF-8 found at its start", problem.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_WhenCsvIsUtf16WithoutBom_ReadsIt(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);

        using var reader = TabularReader.Open(WriteBytes("nobom.csv", encoding.GetBytes("year,name\n2025,Thanh Hóa\n")));

        Assert.Equal(bigEndian ? "UTF-16BE" : "UTF-16LE", reader.Encoding);
        Assert.True(reader.Read());
        Assert.Equal("Thanh Hóa", reader["name"]);
    }

    [Fact]
    public void Open_WhenFileIsRandomBytes_RefusesNamingTheFile()
    {
        var bytes = new byte[4096];
        new Random(1258).NextBytes(bytes);

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(WriteBytes("noise.csv", bytes)));

        Assert.Equal("noise.csv", Assert.Single(e.Problems).File);
        Assert.StartsWith("noise.csv: Không nhận ra bảng mã của tệp", e.Message);
        Assert.Contains("save it again as CSV UTF-8", e.Message);
    }

    [Fact]
    public void Open_WhenCsvIsFrenchInLatin1_RefusesInsteadOfReadingItAsVietnamese()
    {
        var bytes = Encoding.Latin1.GetBytes(
            "prénom,ville\nHélène,Besançon\nFrançois,Orléans\nJérôme,Nîmes\nAgnès,Châlons-en-Champagne\nCécile,Rhône\n");

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(WriteBytes("français.csv", bytes)));

        Assert.Equal("français.csv", Assert.Single(e.Problems).File);
        Assert.Contains("Could not recognise the file's encoding", e.Message);
    }

    [Fact]
    public void Open_WhenUtf8IsDecomposed_ReadsNamesComposed()
    {
        var path = WriteBytes("nfd.csv", Encoding.UTF8.GetBytes(("ho_ten\n" + string.Join("\n", Names)).Normalize(NormalizationForm.FormD)));

        using var reader = TabularReader.Open(path);
        var read = new List<string?>();
        while (reader.Read())
        {
            read.Add(reader["ho_ten"]);
        }

        Assert.Equal("UTF-8", reader.Encoding);
        Assert.Equal(Names, read);
    }

    private List<(string Name, string? Place)> ReadNames(string fileName, byte[] bytes, out string? encoding)
    {
        using var reader = TabularReader.Open(WriteBytes(fileName, bytes));
        var rows = new List<(string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader["ho_ten"]!, reader["que_quan"]));
        }

        encoding = reader.Encoding;
        return rows;
    }

    /// <summary>
    /// Windows-1258 as Windows writes it, through .NET's own code page: a letter the code page holds
    /// whole is one byte, any other is its letter without tone followed by the tone as a combining mark.
    /// </summary>
    private static byte[] To1258(string text)
    {
        var bytes = new List<byte>();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            try
            {
                bytes.AddRange(Windows1258.GetBytes(c.ToString()));
            }
            catch (EncoderFallbackException)
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                var tone = decomposed.Single(mark => Tones.Contains(mark.ToString()));
                bytes.AddRange(Windows1258.GetBytes(decomposed.Replace(tone.ToString(), "").Normalize(NormalizationForm.FormC) + tone));
            }
        }

        return [.. bytes];
    }

    /// <summary>
    /// <paramref name="text"/> through the inverse of <paramref name="encoding"/>'s table; its letters
    /// must each have exactly one byte sequence, which the table tests check.
    /// </summary>
    private static byte[] Encode(LegacyEncoding encoding, string text)
    {
        var inverse = new Dictionary<char, byte[]>();
        for (var b = 0; b < 256; b++)
        {
            inverse.TryAdd(encoding.Standalone[b], [(byte)b]);
        }

        foreach (var (key, letter) in encoding.Combined)
        {
            inverse.Add(letter, [.. inverse[(char)(key >> 8)], (byte)(key & 0xFF)]);
        }

        return [.. text.SelectMany(c => inverse[c])];
    }

    private static string[] BuildAlphabet()
    {
        var letters = from vowel in "aăâeêioôơuưy"
                      from tone in Tones
                      select (vowel + tone).Normalize(NormalizationForm.FormC);
        var lower = letters.Append("đ").Where(letter => !Ascii.IsValid(letter)).ToList();
        var all = lower.Concat(lower.Select(letter => letter.ToUpperInvariant())).ToArray();
        Assert.Equal(134, all.Length);
        return all;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
