using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using BaoPhu.Platform.Tabular;
using BaoPhu.Testing;
using MiniExcelLibs;

namespace BaoPhu.Platform.Tests;

/// <summary>The one reader for the agencies' CSV and .xlsx files: encodings, shapes, row numbers, hostile files.</summary>
public sealed class TabularReaderTests : IDisposable
{
    private const string Canonical = "year,unit_code,indicator,value\n2025,38,si.voluntary.participants,15890\n2026,38,si.compulsory.rate,97.7\n";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("utf-8 with BOM", "UTF-8 BOM")]
    [InlineData("utf-8", "UTF-8")]
    [InlineData("utf-16 LE", "UTF-16LE")]
    [InlineData("utf-16 BE", "UTF-16BE")]
    public void Open_WhenCsvIsInASupportedEncoding_ReadsTheSameRows(string encoding, string shownAs)
    {
        var text = "year,name\n2025,Thanh Hóa\n";
        var bytes = encoding switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-16 LE" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        using var reader = TabularReader.Open(WriteBytes("feed.csv", bytes));

        Assert.Equal(shownAs, reader.Encoding);
        Assert.Equal(["year", "name"], reader.Columns);
        Assert.True(reader.Read());
        Assert.Equal("2025", reader["year"]);
        Assert.Equal("Thanh Hóa", reader["name"]);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_WhenFieldIsQuotedWithCommasAndALineBreak_KeepsItOneValueAndCountsItsLines()
    {
        var path = folder.Write("quoted.csv", "name,address,year\n\"Công ty A, B\",\"Số 1,\nPhố Huế\",2025\nC,D,2026\n");

        using var reader = TabularReader.Open(path);

        Assert.True(reader.Read());
        Assert.Equal(2, reader.Row);
        Assert.Equal("Công ty A, B", reader["name"]);
        Assert.Equal("Số 1, Phố Huế", reader["address"]);
        Assert.Null(reader.RowProblem);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.Row);
        Assert.Equal("2026", reader["year"]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Row_WhenBlankLinesSitBetweenRows_IsTheLineAnEditorShows(string newline)
    {
        var path = folder.Write("gaps.csv", string.Join(newline, "year,value", "2025,1", "", "", "2026,2", " , ", "2027,3", ""));

        using var reader = TabularReader.Open(path);

        Assert.Equal(1, reader.Row);
        var rows = new List<(int, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.Row, reader["year"]));
        }

        Assert.Equal([(2, "2025"), (5, "2026"), (7, "2027")], rows);
    }

    [Fact]
    public void Read_WhenLineStartsWithHash_ReturnsItAsData()
    {
        using var reader = TabularReader.Open(folder.Write("hash.csv", "code,name\n#12,Tổ 12\n"));

        Assert.True(reader.Read());
        Assert.Equal("#12", reader["code"]);
    }

    [Fact]
    public void Open_WhenXlsxHoldsTheCanonicalRows_GivesTheSameValuesAsTheCsv()
    {
        var csv = folder.Write("targets.csv", Canonical);
        var xlsx = Path.Combine(folder.Path, "targets.xlsx");
        MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?> { ["year"] = 2025, ["unit_code"] = "38", ["indicator"] = "si.voluntary.participants", ["value"] = 15890 },
            new Dictionary<string, object?> { ["year"] = 2026, ["unit_code"] = "38", ["indicator"] = "si.compulsory.rate", ["value"] = 97.7 },
        });

        Assert.Equal(ReadAll(csv), ReadAll(xlsx));
    }

    [Fact]
    public void Indexer_WhenXlsxHasNumberDateAndFormulaCells_GivesInvariantText()
    {
        var xlsx = Path.Combine(folder.Path, "cells.xlsx");
        MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?>
            {
                ["count"] = 15890.0, ["rate"] = 97.7, ["small"] = 0.1, ["big"] = 1e20, ["born_on"] = new DateTime(1990, 7, 1), ["period"] = new DateTime(2025, 3, 1),
            },
        });

        using var reader = TabularReader.Open(xlsx);

        Assert.True(reader.Read());
        Assert.Equal("15890", reader["count"]);
        Assert.Equal("97.7", reader["rate"]);
        Assert.Equal("0.1", reader["small"]);
        Assert.Equal("100000000000000000000", reader["big"]);
        Assert.Equal("1990-07-01", reader["born_on"]);
        Assert.True(TabularValues.TryDate(reader["born_on"], out var born));
        Assert.Equal(new DateOnly(1990, 7, 1), born);
        Assert.True(TabularValues.TryPeriod(reader["period"], out var year, out var month));
        Assert.Equal((2025, 3), (year, month));
    }

    [Fact]
    public void Read_WhenXlsxHasFormulaAndBlankRows_GivesCachedValuesAndExcelRowNumbers()
    {
        var xlsx = Workbook("formula.xlsx", Sheet(
            """<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row>""",
            """<row r="4"><c r="A4"><v>2025</v></c><c r="B4"><f>SUM(1,2)</f><v>3</v></c></row>"""));

        using var reader = TabularReader.Open(xlsx);

        Assert.Null(reader.Encoding);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.Row);
        Assert.Equal("3", reader["value"]);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Open_WhenWorkbookHasSeveralSheets_ReadsTheFirstTab()
    {
        var xlsx = Workbook("tabs.xlsx",
            Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>second_tab</t></is></c></row>"""),
            Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>first_tab</t></is></c></row>"""),
            firstTabIsSecondPart: true);

        using var reader = TabularReader.Open(xlsx);

        Assert.Equal(["first_tab"], reader.Columns);
    }

    [Fact]
    public void Open_WhenXlsxContentHasACsvName_ReadsItAsXlsx()
    {
        var xlsx = Path.Combine(folder.Path, "renamed.csv");
        using (var stream = File.Create(xlsx))
        {
            stream.SaveAs(new[] { new Dictionary<string, object?> { ["year"] = 2025 } }, excelType: ExcelType.XLSX);
        }

        using var reader = TabularReader.Open(xlsx);

        Assert.True(reader.Read());
        Assert.Equal("2025", reader["year"]);
    }

    [Fact]
    public void Open_WhenXlsxDeclaresHugeUnpackedSize_RefusesBeforeUnpacking()
    {
        // 300 MB of zeros deflate to about 300 KB: small on disk, huge once unpacked.
        var bomb = Workbook("bomb.xlsx", Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c></row>"""), extra: zip =>
        {
            using var part = zip.CreateEntry("xl/media/zeros.bin", CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                part.Write(zeros);
            }
        });
        Assert.True(new FileInfo(bomb).Length < 5 * 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(bomb, new TabularLimits(MaxUnpackedBytes: 10 * 1024 * 1024)));

        Assert.Contains("not unpacked", e.Message);
        Assert.Contains("10 MB", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "only the zip directory should be read");
    }

    [Fact]
    public void Open_WhenXlsxHasTooManyParts_RefusesBeforeUnpacking()
    {
        var many = Workbook("many.xlsx", Sheet(), extra: zip =>
        {
            for (var i = 0; i < 50; i++)
            {
                zip.CreateEntry($"xl/media/p{i}.bin");
            }
        });

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(many, new TabularLimits(MaxZipEntries: 20)));

        Assert.Contains("over the limit of 20", e.Message);
    }

    [Fact]
    public void Open_WhenXlsxIsCutInHalf_SaysItIsDamaged()
    {
        var xlsx = Path.Combine(folder.Path, "full.xlsx");
        MiniExcel.SaveAs(xlsx, Enumerable.Range(0, 200).Select(i => new Dictionary<string, object?> { ["year"] = 2000 + (i % 50), ["name"] = $"Xã {i}" }));
        var bytes = File.ReadAllBytes(xlsx);
        var cut = WriteBytes("cut.xlsx", bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(cut));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("Tệp .xlsx bị hỏng hoặc không đầy đủ / The .xlsx file is damaged or incomplete", problem.Message);
        Assert.Equal("cut.xlsx", problem.File);
    }

    [Fact]
    public void Open_WhenXlsxPartIsCorruptInsideAValidDirectory_SaysItIsDamaged()
    {
        var xlsx = Workbook("broken.xlsx", """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c""");

        var e = Assert.Throws<TabularFileException>(() =>
        {
            using var reader = TabularReader.Open(xlsx);
            while (reader.Read())
            {
            }
        });

        Assert.Contains("damaged or incomplete", e.Message);
    }

    [Theory]
    [InlineData("sheet")]
    [InlineData("shared strings")]
    public void Open_WhenXlsxDeclaresAnExternalEntity_NeverReadsTheReferencedFile(string part)
    {
        var secret = folder.Write("secret.txt", "TOPSECRET-4711");
        var doctype = $"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{new Uri(secret).AbsoluteUri}">]>""";
        var xlsx = part == "sheet"
            ? Workbook("xxe.xlsx", doctype + Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>"""))
            : Workbook("xxe.xlsx", Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
                sharedStrings: doctype + """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>""");

        var seen = new StringBuilder();
        var e = Assert.Throws<TabularFileException>(() =>
        {
            using var reader = TabularReader.Open(xlsx);
            seen.AppendJoin(",", reader.Columns);
            while (reader.Read())
            {
                seen.AppendJoin(",", reader.Columns.Select(c => reader[c]));
            }
        });

        Assert.Contains("damaged or incomplete", e.Message);
        Assert.DoesNotContain("TOPSECRET", seen.ToString());
        Assert.DoesNotContain("TOPSECRET", e.ToString());
    }

    [Fact]
    public void Open_WhenFileIsOverTheSizeLimit_RefusesBeforeReading()
    {
        var path = folder.Write("large.csv", Canonical);

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(path, new TabularLimits(MaxFileBytes: 10)));

        Assert.Contains("over the limit", e.Message);
    }

    [Fact]
    public void Open_WhenFileIsXls_SaysToSaveAsXlsx()
    {
        var path = WriteBytes("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(path));

        Assert.Contains(".xls", e.Message);
    }

    [Fact]
    public void Open_WhenFileIsMissing_SaysSo()
    {
        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(Path.Combine(folder.Path, "nowhere.csv")));

        Assert.Equal("nowhere.csv", Assert.Single(e.Problems).File);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Open_WhenFileHasNoHeader_Throws(string content)
    {
        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(folder.Write("empty.csv", content)));

        Assert.Contains("no header row", e.Message);
    }

    [Fact]
    public void Read_WhenFileHasOnlyAHeader_ReturnsFalse()
    {
        using var reader = TabularReader.Open(folder.Write("header.csv", "year,value\n\n"));

        Assert.Equal(["year", "value"], reader.Columns);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Columns_WhenHeaderIsUntidy_AreTrimmedNfcLowerCaseAndSkipUnnamed()
    {
        var header = "  Year ,,Tên Đơn Vị".Normalize(NormalizationForm.FormD);

        using var reader = TabularReader.Open(folder.Write("header.csv", header + ",\n2025,x,Xã A,\n"));

        Assert.Equal(["year", "tên đơn vị"], reader.Columns);
        Assert.True(reader.Read());
        Assert.Equal("Xã A", reader["Tên đơn vị"]);
        Assert.Equal("2025", reader[" YEAR"]);
        Assert.Null(reader.RowProblem);
    }

    [Fact]
    public void Open_WhenAColumnIsNamedTwice_ThrowsNamingIt()
    {
        var e = Assert.Throws<TabularFileException>(() => TabularReader.Open(folder.Write("dup.csv", "year,value, Year \n2025,1,2026\n")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("year", problem.Column);
        Assert.Equal(1, problem.Row);
        Assert.Contains("columns 1 and 3", problem.Message);
    }

    [Fact]
    public void RequireColumns_WhenSeveralAreMissing_ListsThemAllAtOnce()
    {
        using var reader = TabularReader.Open(folder.Write("cols.csv", "year,value\n2025,1\n"));

        var e = Assert.Throws<TabularFileException>(() => reader.RequireColumns("year", "unit_code", "indicator", "value"));

        Assert.Equal(["unit_code", "indicator"], e.Problems.Select(p => p.Column));
        Assert.Contains("Thiếu cột 'unit_code' / Column 'unit_code' is missing", e.Message);
        Assert.Contains("Thiếu cột 'indicator' / Column 'indicator' is missing", e.Message);
    }

    [Fact]
    public void Indexer_WhenNameIsDecomposed_ReturnsItComposed()
    {
        var decomposed = "Thanh Hóa".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Thanh Hóa", decomposed);

        using var reader = TabularReader.Open(folder.Write("nfd.csv", $"name,unit_code\n  {decomposed}  ,38\n"));

        Assert.True(reader.Read());
        Assert.Equal("Thanh Hóa", reader["name"]);
        Assert.True(reader["name"]!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Indexer_WhenCellIsEmptyOrColumnAbsent_ReturnsNull()
    {
        using var reader = TabularReader.Open(folder.Write("nulls.csv", "year,value\n2025,  \n"));

        Assert.True(reader.Read());
        Assert.Null(reader["value"]);
        Assert.Null(reader["period"]);
    }

    [Fact]
    public void RowProblem_WhenRowHasMoreOrFewerFields_ReportsItAndReadingGoesOn()
    {
        var path = folder.Write("shape.csv", "name,year,value\nCông ty A, B,2025,1\nX,2025\nY,2025,3,,\nZ,2026,4\n");

        using var reader = TabularReader.Open(path);
        var problems = new List<TabularProblem>();
        var good = new List<string?>();
        while (reader.Read())
        {
            if (reader.RowProblem is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            good.Add(reader["name"]);
        }

        Assert.Equal([2, 3], problems.Select(p => p.Row));
        Assert.Contains("4 values but the header has 3 columns", problems[0].Message);
        Assert.Contains("2 values but the header has 3 columns", problems[1].Message);
        Assert.Equal(["Y", "Z"], good);
    }

    [Fact]
    public void Read_WhenShapeProblemsWereNeverLookedAt_ThrowsAtTheEnd()
    {
        using var reader = TabularReader.Open(folder.Write("shape.csv", "name,year\nA, B,2025\nC,2026\n"));

        var e = Assert.Throws<TabularFileException>(() =>
        {
            while (reader.Read())
            {
                _ = reader["name"];
            }
        });

        Assert.Equal(2, Assert.Single(e.Problems).Row);
    }

    [Fact]
    public void Read_WhenAQuoteIsNeverClosed_ThrowsAtItsRow()
    {
        using var reader = TabularReader.Open(folder.Write("quote.csv", "name,year\nA,2025\n\"B,2026\nC,2027\n"));

        var e = Assert.Throws<TabularFileException>(() =>
        {
            while (reader.Read())
            {
            }
        });

        Assert.Equal(3, Assert.Single(e.Problems).Row);
    }

    [Fact]
    public void Problem_AtCurrentRow_CarriesFileRowColumnAndValueIntoTheMessage()
    {
        using var reader = TabularReader.Open(folder.Write("values.csv", "year,value\n2025,1\n20x5,2\n"));
        reader.Read();
        reader.Read();

        var problem = reader.Problem("YEAR", TabularValues.YearMessage(reader["year"]));
        var e = new TabularFileException([problem]);

        Assert.Equal(new TabularProblem("values.csv", 3, "year", "20x5", TabularValues.YearMessage("20x5")), problem);
        Assert.StartsWith("values.csv, dòng/row 3, cột/column 'year', giá trị/value '20x5': Năm phải là", e.Message);
    }

    [Fact]
    public void Message_WhenThereAreManyProblems_ListsTheFirstTenAndCountsTheRest()
    {
        var problems = Enumerable.Range(2, 25).Select(row => new TabularProblem("f.csv", row, "value", "x", "m / m"));

        var e = new TabularFileException(problems);

        Assert.Equal(25, e.Problems.Count);
        Assert.Contains("dòng/row 11,", e.Message);
        Assert.DoesNotContain("dòng/row 12,", e.Message);
        Assert.EndsWith("… và 15 vấn đề khác / … and 15 more", e.Message);
    }

    private static List<string> ReadAll(string path)
    {
        using var reader = TabularReader.Open(path);
        var rows = new List<string> { string.Join("|", reader.Columns) };
        while (reader.Read())
        {
            rows.Add($"{reader.Row}:" + string.Join("|", reader.Columns.Select(c => reader[c])));
        }

        return rows;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sheet(params string[] rows) =>
        $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{string.Concat(rows)}</sheetData></worksheet>""";

    /// <summary>A workbook written part by part, for what MiniExcel would never write itself.</summary>
    private string Workbook(
        string name, string sheet, string? secondSheet = null, bool firstTabIsSecondPart = false,
        string? sharedStrings = null, Action<ZipArchive>? extra = null)
    {
        var path = Path.Combine(folder.Path, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string part, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>""");
        Add("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        var tabs = secondSheet is null
            ? """<sheet name="Sheet1" sheetId="1" r:id="rId1"/>"""
            : firstTabIsSecondPart
                ? """<sheet name="Sheet2" sheetId="2" r:id="rId2"/><sheet name="Sheet1" sheetId="1" r:id="rId1"/>"""
                : """<sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" r:id="rId2"/>""";
        Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{Relationships}"><sheets>{tabs}</sheets></workbook>""");
        var links = $"""<Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/>"""
            + (secondSheet is null ? "" : $"""<Relationship Id="rId2" Type="{Relationships}/worksheet" Target="worksheets/sheet2.xml"/>""");
        Add("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{links}</Relationships>""");
        Add("xl/worksheets/sheet1.xml", sheet);
        if (secondSheet is not null)
        {
            Add("xl/worksheets/sheet2.xml", secondSheet);
        }

        if (sharedStrings is not null)
        {
            Add("xl/sharedStrings.xml", sharedStrings);
        }

        extra?.Invoke(zip);
        return path;
    }
}
