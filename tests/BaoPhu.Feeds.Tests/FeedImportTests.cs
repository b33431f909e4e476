using System.IO.Compression;
using System.Text;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Feeds.Tests;

/// <summary>The intake's promises on each provider: all or nothing per file, replacement, dry run, reasons for every refusal.</summary>
public abstract class FeedImportTests<TFixture>(TFixture fixture) : NationalUnitsTest<TFixture>(fixture)
    where TFixture : FeedsFixture
{
    private Task<FeedImportResult> ImportAsync(FeedImportRequest request, IProgress<FeedProgress>? progress = null, CancellationToken? token = null) =>
        Db.InScopeAsync(s => s.GetRequiredService<IFeedImports>().ImportAsync(request, progress, token ?? Token));

    private async Task<long> RowsAsync(string feed) =>
        (await Db.InScopeAsync(s => s.GetRequiredService<IFeedImports>().StatsAsync(Token))).Single(f => f.Feed == feed).Rows;

    [Fact]
    public async Task Import_WhenFileIsClean_StoresEveryRowOnce()
    {
        var before = await RowsAsync("tax-employees");
        var file = Files.Write("tax-2024-01.csv", FeedFiles.TaxEmployees("2024-01", 300));

        var result = await ImportAsync(new FeedImportRequest("tax-employees", file));

        Assert.Equal(FeedOutcome.Committed, result.Outcome);
        Assert.Equal((300, 300, 0, 0), (result.Rows, result.Imported, result.Rejected, result.Replaced));
        Assert.Equal("2024-01", result.Period);
        Assert.Equal(before + 300, await RowsAsync("tax-employees"));
    }

    [Fact]
    public async Task Import_WhenSameFeedAndPeriodResent_ReplacesTheEarlierFile()
    {
        var first = Files.Write("tax-2024-02.csv", FeedFiles.TaxEmployees("2024-02", 120));
        var corrected = Files.Write("tax-2024-02-v2.csv", FeedFiles.TaxEmployees("2024-02", 100));
        await ImportAsync(new FeedImportRequest("tax-employees", first));
        var afterFirst = await RowsAsync("tax-employees");

        var again = await ImportAsync(new FeedImportRequest("tax-employees", first));
        var afterAgain = await RowsAsync("tax-employees");
        var second = await ImportAsync(new FeedImportRequest("tax-employees", corrected));

        Assert.Equal((120, 120), (again.Imported, again.Replaced));
        Assert.Equal(afterFirst, afterAgain);
        Assert.Equal((100, 120), (second.Imported, second.Replaced));
        Assert.Equal(afterFirst - 20, await RowsAsync("tax-employees"));
    }

    [Fact]
    public async Task Import_OfARegistryList_ReplacesTheCurrentListAndRefusesAnOlderOne()
    {
        var march = new RegistryFeedFiles("2025-03", 900);
        var may = new RegistryFeedFiles("2025-05", 910);
        var april = new RegistryFeedFiles("2025-04", 920);

        var first = await ImportAsync(new FeedImportRequest("business-registry", Files.Write("dkkd-2025-03.csv", march.BusinessRegistry()), "2025-03"));
        var newer = await ImportAsync(new FeedImportRequest("business-registry", Files.Write("dkkd-2025-05.csv", may.BusinessRegistry()), "2025-05"));
        var older = await ImportAsync(new FeedImportRequest("business-registry", Files.Write("dkkd-2025-04.csv", april.BusinessRegistry()), "2025-04"));

        Assert.Equal(FeedOutcome.Committed, first.Outcome);
        Assert.Equal((FeedOutcome.Committed, 2, 2), (newer.Outcome, newer.Imported, newer.Replaced));
        Assert.Equal(FeedOutcome.Rejected, older.Outcome);
        Assert.Contains("2025-05", older.Reason, StringComparison.Ordinal);
        Assert.Equal(2, await RowsAsync("business-registry"));
        var employers = await Db.InScopeAsync(s => s.GetRequiredService<BaoPhu.Platform.Persistence.BaoPhuDbContext>().Database
            .SqlQueryRaw<string>("SELECT tax_code AS \"Value\" FROM registry_employer").ToListAsync(Token));
        Assert.Contains(may.Builder, employers);
        Assert.DoesNotContain(march.Builder, employers);
    }

    [Fact]
    public async Task Import_WhenDryRun_SaysWhatWouldHappenAndStoresNothing()
    {
        await ImportAsync(new FeedImportRequest("tax-employees", Files.Write("tax-2024-03.csv", FeedFiles.TaxEmployees("2024-03", 50))));
        var before = await RowsAsync("tax-employees");

        var result = await ImportAsync(new FeedImportRequest("tax-employees", Files.Write("tax-2024-03-b.csv", FeedFiles.TaxEmployees("2024-03", 80)), DryRun: true));

        Assert.Equal(FeedOutcome.DryRun, result.Outcome);
        Assert.Equal((80, 80, 50), (result.Rows, result.Imported, result.Replaced));
        Assert.Equal(before, await RowsAsync("tax-employees"));
    }

    [Fact]
    public async Task Import_WhenFewRowsAreBad_StoresTheRestAndNamesEachProblem()
    {
        var before = await RowsAsync("tax-employees");
        var file = Files.Write("tax-2024-04.csv", FeedFiles.TaxEmployees("2024-04", 400, (n, row) => n switch
        {
            10 => row.Replace(FeedFiles.TaxCode(10 % 7), WrongCheckDigit(FeedFiles.TaxCode(10 % 7)), StringComparison.Ordinal),
            20 => row.Replace(",5020000", ",-5020000", StringComparison.Ordinal),
            _ => null,
        }));

        var result = await ImportAsync(new FeedImportRequest("tax-employees", file));

        Assert.Equal(FeedOutcome.Committed, result.Outcome);
        Assert.Equal((400, 398, 2), (result.Rows, result.Imported, result.Rejected));
        Assert.Equal(before + 398, await RowsAsync("tax-employees"));
        var checkDigit = Assert.Single(result.Problems, p => p.Row == 12);
        Assert.Equal(("tax-2024-04.csv", "employer_tax_code"), (checkDigit.File, checkDigit.Column));
        Assert.Contains("check digit", checkDigit.Message, StringComparison.Ordinal);
        var negative = Assert.Single(result.Problems, p => p.Row == 22);
        Assert.Equal(("gross_income", "-5020000"), (negative.Column, negative.Value));
    }

    [Fact]
    public async Task Import_WhenBadRowsPassTheThreshold_RejectsTheFileAndKeepsTheEarlierOne()
    {
        await ImportAsync(new FeedImportRequest("tax-employees", Files.Write("tax-2024-05.csv", FeedFiles.TaxEmployees("2024-05", 60))));
        var before = await RowsAsync("tax-employees");
        var file = Files.Write("tax-2024-05-bad.csv", FeedFiles.TaxEmployees("2024-05", 200, (n, row) => n % 20 == 0 ? row.Replace("2024-05", "2024-13", StringComparison.Ordinal) : null));

        var result = await ImportAsync(new FeedImportRequest("tax-employees", file));

        Assert.Equal(FeedOutcome.Rejected, result.Outcome);
        Assert.Equal((200, 0, 10), (result.Rows, result.Imported, result.Rejected));
        Assert.Contains("threshold", result.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync("tax-employees"));
    }

    [Fact]
    public async Task Import_WhenKeysRepeat_RefusesTheRepeatsNamingTheFirstRow()
    {
        var text = FeedFiles.TaxEmployees("2024-06", 300) + FeedFiles.TaxEmployee("2024-06", 7) + "\n";

        var result = await ImportAsync(new FeedImportRequest("tax-employees", Files.Write("tax-2024-06.csv", text)));

        Assert.Equal((301, 300, 1), (result.Rows, result.Imported, result.Rejected));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(302, problem.Row);
        Assert.Contains("row 9", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenNationalIdDisagreesOrIsMissing_RefusesOrKeepsForNameMatching()
    {
        var wrongYear = FeedFiles.Person(3).Id[..4] + "99" + FeedFiles.Person(3).Id[6..];
        var file = Files.Write("tax-2024-07.csv", FeedFiles.TaxEmployees("2024-07", 200, (n, row) => n switch
        {
            3 => row.Replace(FeedFiles.Person(3).Id, wrongYear, StringComparison.Ordinal),
            4 => row.Replace(FeedFiles.Person(4).Id, "", StringComparison.Ordinal),
            _ => null,
        }));

        var result = await ImportAsync(new FeedImportRequest("tax-employees", file));

        Assert.Equal((200, 199, 1, 1), (result.Rows, result.Imported, result.Rejected, result.Warnings));
        Assert.Contains(result.Problems, p => p.Row == 5 && p.Column == "person_id" && p.Message.Contains("birth year 1999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenHeadersAreVietnameseInAnotherOrder_ReadsThemByAlias()
    {
        var text = new StringBuilder("Họ và tên,Số CCCD,Ngày sinh,Mã số thuế đơn vị,Kỳ,Tổng thu nhập,Ghi chú\n");
        for (var n = 0; n < 20; n++)
        {
            var (id, birth, _) = FeedFiles.Person(n);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Lê Thị Hoa,{id},{birth:dd/MM/yyyy},{FeedFiles.TaxCode(n % 3)},2024-08,7000000,x\n");
        }

        var result = await ImportAsync(new FeedImportRequest("tax-employees", Files.Write("thue-2024-08.csv", text.ToString())));

        Assert.Equal((FeedOutcome.Committed, 20, 0), (result.Outcome, result.Imported, result.Rejected));
    }

    [Fact]
    public async Task Import_WhenFileIsTcvn3_StoresTheNamesAsUnicode()
    {
        // TCVN3 bytes shown as Latin-1, as an old system writes them: Ô is ễ, Þ is ị, å is ồ, § is Đ.
        string[] legacy = ["NguyÔn ThÞ Hång Nhung", "§Æng Quèc ViÖt"];
        string[] unicode = ["Nguyễn Thị Hồng Nhung", "Đặng Quốc Việt"];
        var text = new StringBuilder(FeedFiles.TaxEmployeesHeader + "\n");
        for (var n = 0; n < 2; n++)
        {
            var (id, birth, _) = FeedFiles.Person(700 + n);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"2023-01,{FeedFiles.TaxCode(n)},{id},{legacy[n]},{birth:yyyy-MM-dd},9000000\n");
        }

        var file = Path.Combine(Files.Path, "thue-tcvn3.csv");
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes(text.ToString()), Token);

        var result = await ImportAsync(new FeedImportRequest("tax-employees", file));
        var stored = await Db.InScopeAsync(s => s.GetRequiredService<Platform.Persistence.BaoPhuDbContext>().Set<Registry.Feeds.TaxEmployee>()
            .Where(t => t.BatchId == result.IntakeId).OrderBy(t => t.SourceRow).Select(t => new { t.FullName, t.NameKey }).ToListAsync(Token));

        Assert.Equal((FeedOutcome.Committed, "TCVN3", 2), (result.Outcome, result.Encoding, result.Imported));
        Assert.Equal(unicode, stored.Select(s => s.FullName));
        Assert.All(stored, s => Assert.True(s.FullName.IsNormalized(NormalizationForm.FormC)));
        Assert.Equal(["nguyen thi hong nhung", "dang quoc viet"], stored.Select(s => s.NameKey));
    }

    [Fact]
    public async Task Import_WithSavedMapping_ReadsTheAgencysOwnHeaders()
    {
        var text = new StringBuilder("STT,Tháng,MST DN,Số ĐDCN,Họ tên NLĐ,Ngày sinh NLĐ,TN chịu thuế\n");
        for (var n = 0; n < 30; n++)
        {
            var (id, birth, _) = FeedFiles.Person(300 + n);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{n + 1},2023-06,{FeedFiles.TaxCode(n % 4)},{id},Vũ Thị Mai,{birth:dd/MM/yyyy},8100000\n");
        }

        var file = Files.Write("cuc-thue-2023-06.csv", text.ToString());
        var withoutMapping = await ImportAsync(new FeedImportRequest("tax-employees", file, DryRun: true));
        await Db.InScopeAsync(s => s.GetRequiredService<BrowseIntakes.IntakeQueries>().SaveMappingAsync("cuc-thue-ho-so", "tax-employees", "Cục Thuế tỉnh", new Dictionary<string, string>
        {
            ["period"] = "Tháng",
            ["employer_tax_code"] = "MST DN",
            ["person_id"] = "Số ĐDCN",
            ["full_name"] = "Họ tên NLĐ",
            ["birth_date"] = "Ngày sinh NLĐ",
            ["gross_income"] = "TN chịu thuế",
        }, Token));
        var withMapping = await ImportAsync(new FeedImportRequest("tax-employees", file, Mapping: "cuc-thue-ho-so"));

        Assert.Equal(FeedOutcome.Rejected, withoutMapping.Outcome);
        Assert.Contains("employer_tax_code", withoutMapping.Reason, StringComparison.Ordinal);
        Assert.Equal((FeedOutcome.Committed, 30, 0), (withMapping.Outcome, withMapping.Imported, withMapping.Rejected));
    }

    [Fact]
    public async Task SaveMapping_WhenAHeaderStandsForTwoColumns_RefusesIt()
    {
        var e = await Assert.ThrowsAsync<FeedException>(() => Db.InScopeAsync(s => s.GetRequiredService<BrowseIntakes.IntakeQueries>().SaveMappingAsync(
            "sai", "tax-employees", "Chi cục Thuế", new Dictionary<string, string> { ["full_name"] = "Tên", ["employer_tax_code"] = "tên" }, Token)));

        Assert.Contains("one column only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenAColumnIsMissing_RejectsNamingIt()
    {
        var text = "period,employer_tax_code,full_name,birth_date,gross_income\n2024-09," + FeedFiles.TaxCode(1) + ",An,1990-01-01,1\n";

        var result = await ImportAsync(new FeedImportRequest("tax-employees", Files.Write("no-id.csv", text)));

        Assert.Equal(FeedOutcome.Rejected, result.Outcome);
        Assert.Contains("person_id", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenXlsxIsTruncated_RejectsAndChangesNothing()
    {
        var before = await RowsAsync("tax-employees");
        var xlsx = Path.Combine(Files.Path, "tax.xlsx");
        WriteXlsx(xlsx, FeedFiles.TaxEmployees("2024-10", 500));
        var whole = await File.ReadAllBytesAsync(xlsx, Token);
        var truncated = Path.Combine(Files.Path, "tax-truncated.xlsx");
        await File.WriteAllBytesAsync(truncated, whole[..(whole.Length * 2 / 3)], Token);

        var good = await ImportAsync(new FeedImportRequest("tax-employees", xlsx, DryRun: true));
        var result = await ImportAsync(new FeedImportRequest("tax-employees", truncated));

        Assert.Equal((FeedOutcome.DryRun, 500), (good.Outcome, good.Imported));
        Assert.Equal(FeedOutcome.Rejected, result.Outcome);
        Assert.Contains("tax-truncated.xlsx", result.Problems[0].File, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync("tax-employees"));
    }

    [Fact]
    public async Task Import_WhenXlsxIsAZipBomb_RefusesBeforeUnpacking()
    {
        var bomb = Path.Combine(Files.Path, "bomb.xlsx");
        WriteXlsx(bomb, FeedFiles.TaxEmployees("2024-11", 10), zip =>
        {
            using var part = zip.CreateEntry("xl/media/zeros.bin", CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 20; i++)
            {
                part.Write(zeros);
            }
        });

        var result = await ImportAsync(new FeedImportRequest("tax-employees", bomb));

        Assert.Equal(FeedOutcome.Rejected, result.Outcome);
        Assert.Contains("not unpacked", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenCancelled_LeavesNothingBehind()
    {
        var before = await RowsAsync("tax-employees");
        var file = Files.Write("tax-2024-12.csv", FeedFiles.TaxEmployees("2024-12", 60_000));
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(cancel, afterRows: 20_000);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(new FeedImportRequest("tax-employees", file), progress, cancel.Token));

        Assert.True(progress.Seen >= 20_000);
        Assert.Equal(before, await RowsAsync("tax-employees"));
    }

    [Fact]
    public async Task Import_WhenCommuneCodeIsNotInForceInThePeriod_RefusesTheRow()
    {
        var (id, birth, sex) = FeedFiles.Person(1);
        var header = "period,si_number,person_id,full_name,birth_date,gender,residence_commune_code,scheme,employer_tax_code,insured_wage,has_ui\n";
        string Row(string period, string commune) =>
            $"{period},0123456789,{id},Lê Văn Hải,{birth:yyyy-MM-dd},{(sex == Platform.Identifiers.Sex.Male ? "M" : "F")},{commune},compulsory,{FeedFiles.TaxCode(1)},5000000,1\n";

        // Xã Thọ Bình (15670, Triệu Sơn, Thanh Hóa) was merged on 1/7/2025 and its code not reused.
        var before = await ImportAsync(new FeedImportRequest("si-participants", Files.Write("si-2025-03.csv", header + Row("2025-03", "15670")), DryRun: true));
        var after = await ImportAsync(new FeedImportRequest("si-participants", Files.Write("si-2025-08.csv", header + Row("2025-08", "15670")), DryRun: true));

        Assert.Equal(FeedOutcome.DryRun, before.Outcome);
        Assert.Equal(1, before.Imported);
        Assert.Equal(FeedOutcome.Rejected, after.Outcome);
        Assert.Contains(after.Problems, p => p.Column == "residence_commune_code" && p.Message.Contains("No commune has code 15670 on 31/08/2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_OfCoverageActualsAsDryRun_CountsAndStoresNothing()
    {
        // Xã Thọ Tiến (15673, Triệu Sơn), before the 2025 merger.
        var file = Files.Write("thuc-hien-2024-05.csv", "period,unit_code,indicator,value\n2024-05,15673,si.voluntary.participants,37\n");
        async Task<decimal?> StoredAsync() => (await Db.InScopeAsync(s => s.GetRequiredService<Targets.Contracts.ICoverageReader>()
            .ValuesAsync("15673", 2024, new DateOnly(2024, 5, 31), Targets.Contracts.ValueBasis.Actual, ["si.voluntary.participants"], Token)))!
            .Total.Values.GetValueOrDefault("si.voluntary.participants");

        var dryRun = await ImportAsync(new FeedImportRequest("coverage-actuals", file, DryRun: true));
        var afterDryRun = await StoredAsync();
        var imported = await ImportAsync(new FeedImportRequest("coverage-actuals", file));

        Assert.Equal((FeedOutcome.DryRun, 1), (dryRun.Outcome, dryRun.Imported));
        Assert.Null(afterDryRun);
        Assert.Equal((FeedOutcome.Committed, 1), (imported.Outcome, imported.Imported));
        Assert.Equal(37m, await StoredAsync());
    }

    [Fact]
    public async Task Import_WhenFeedIsUnknown_ListsTheFeeds()
    {
        var e = await Assert.ThrowsAsync<FeedException>(() => ImportAsync(new FeedImportRequest("tax-people", Files.Write("x.csv", "a\n1\n"))));

        Assert.Contains("si-participants", e.Message, StringComparison.Ordinal);
    }

    private static string WrongCheckDigit(string code) => code[..9] + (char)('0' + ((code[9] - '0' + 1) % 10));

    /// <summary>A minimal .xlsx with the CSV's cells as inline strings in the first sheet.</summary>
    private static void WriteXlsx(string path, string csv, Action<ZipArchive>? extra = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var rowNumber = 0;
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            rowNumber++;
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
            foreach (var cell in line.Split(','))
            {
                sheet.Append("<c t=\"inlineStr\"><is><t>").Append(System.Security.SecurityElement.Escape(cell)).Append("</t></is></c>");
            }

            sheet.Append("</row>");
        }

        Part("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        extra?.Invoke(zip);
    }

    /// <summary>Cancels the import once it has reported reading <paramref name="afterRows"/> rows.</summary>
    private sealed class Progress(CancellationTokenSource cancel, int afterRows) : IProgress<FeedProgress>
    {
        public int Seen { get; private set; }

        public void Report(FeedProgress value)
        {
            Seen = Math.Max(Seen, value.Rows);
            if (value.Rows >= afterRows)
            {
                cancel.Cancel();
            }
        }
    }
}

public sealed class SqliteFeedImportTests(SqliteFeeds fixture) : FeedImportTests<SqliteFeeds>(fixture), IClassFixture<SqliteFeeds>;

public sealed class PostgresFeedImportTests(PostgresFeeds fixture) : FeedImportTests<PostgresFeeds>(fixture), IClassFixture<PostgresFeeds>;
