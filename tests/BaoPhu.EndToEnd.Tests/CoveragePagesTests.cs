using System.Text;
using BaoPhu.Testing;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>
/// Officials follow coverage in a real browser: the dashboard and its drill-down, targets set and
/// approved, the annex downloaded, and feed files uploaded. The fixture holds Vietnam's real units
/// and no coverage numbers, so each test uploads what it reads through the import page; the files are
/// the same every time, and a re-sent file changes nothing.
/// </summary>
public abstract class CoveragePagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    private const string ThanhHoa = "Tỉnh Thanh Hóa";
    private const string HamRong = "Phường Hàm Rồng";
    private const string HacThanh = "Phường Hạc Thành";
    private const string Participants = "Số người tham gia BHXH bắt buộc";

    // Thanh Hóa and two of its wards after 1/7/2025: targets for 2025 and the actuals of October.
    private const string Targets2025 = """
        year,unit_code,indicator,value
        2025,38,si.compulsory.required,3600
        2025,38,si.compulsory.participants,3300
        2025,14758,si.compulsory.required,1100
        2025,14758,si.compulsory.participants,1000
        2025,14797,si.compulsory.required,2500
        2025,14797,si.compulsory.participants,2300
        """;

    private const string Actuals2025 = """
        period,unit_code,indicator,value
        2025-10,14758,si.compulsory.participants,980
        2025-10,14797,si.compulsory.participants,2050
        """;

    [Fact]
    public async Task Dashboard_OfProvince_ShowsCardsAndRankedWardsAndDrillsDownWithBreadcrumb()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await ImportAsync(page, "targets", "chi-tieu-2025.csv", Targets2025);
        await ImportAsync(page, "coverage-actuals", "thuc-hien-2025-10.csv", Actuals2025);

        await page.GotoAsync("/coverage?unit=38&year=2025");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ThanhHoa);
        var card = page.GetByRole(AriaRole.Article, new() { Name = Participants, Exact = true });
        await Assertions.Expect(card).ToContainTextAsync("3.030");
        await Assertions.Expect(card).ToContainTextAsync("đến tháng 10/2025");
        await Assertions.Expect(card).ToContainTextAsync("3.300");
        await Assertions.Expect(card).ToContainTextAsync("91,8%");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = $"{Participants} — {ThanhHoa}", Exact = true })).ToBeVisibleAsync();

        var children = page.Locator("#children");
        var first = children.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(first).ToContainTextAsync(HamRong);
        await Assertions.Expect(first).ToContainTextAsync("98,0%");
        await Assertions.Expect(children.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync(HacThanh);

        await children.GetByRole(AriaRole.Link, new() { Name = HamRong, Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(HamRong);
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = Participants, Exact = true })).ToContainTextAsync("980");
        var breadcrumb = page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn", Exact = true });
        await breadcrumb.GetByRole(AriaRole.Link, new() { Name = ThanhHoa, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ThanhHoa);
    }

    [Fact]
    public async Task Dashboard_OfUnitOutsideTheUsersProvince_IsRefused()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);

        await page.GotoAsync("/coverage");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ThanhHoa);

        await page.GotoAsync("/coverage?unit=01&year=2025");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Đơn vị mã 01 nằm ngoài phạm vi được giao cho bạn.");
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Targets_SetApprovedRevisedAndApprovedAgain_KeepApprovedValueInForceAndEveryVersion()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GotoAsync("/targets?unit=14845&year=2027");
        var input = page.GetByLabel($"Giá trị mới: {Participants}", new() { Exact = true });
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu (dự thảo)", Exact = true });

        await input.FillAsync("1.2x0");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("không phải là số nguyên");
        await Assertions.Expect(input).ToHaveValueAsync("1.2x0");

        await input.FillAsync("1.200");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu 1 chỉ tiêu (dự thảo, chờ duyệt).");
        await Assertions.Expect(OwnRow(page)).ToContainTextAsync("1.200");
        await Assertions.Expect(OwnRow(page)).ToContainTextAsync("Dự thảo, chờ duyệt");

        await ApproveAsync(page, "15/NQ-HĐND", "2026-12-10");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã duyệt 1 chỉ tiêu.");
        await Assertions.Expect(OwnRow(page)).ToContainTextAsync("Đã duyệt");
        await Assertions.Expect(OwnRow(page)).ToContainTextAsync("15/NQ-HĐND");

        await input.FillAsync("1300");
        await save.ClickAsync();
        var cells = OwnRow(page).GetByRole(AriaRole.Cell);
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync("1.200");
        await Assertions.Expect(cells.Nth(1)).ToContainTextAsync("Đã duyệt");
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync("1.300");

        await ApproveAsync(page, "16/NQ-HĐND", "2026-12-20");
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync("1.300");
        await Assertions.Expect(cells.Nth(1)).ToContainTextAsync("16/NQ-HĐND");
        var history = page.Locator("#history").GetByRole(AriaRole.Row);
        await Assertions.Expect(history).ToHaveCountAsync(3);
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Đã duyệt");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("1.300");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("16/NQ-HĐND");
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync("Đã thay thế");
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync("1.200");
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync("15/NQ-HĐND");
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync(WebAppFixture.AdminName);
    }

    [Fact]
    public async Task Annex_DownloadedFromDashboard_OpensInLibreOfficeWithTitleAndTargets()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await ImportAsync(page, "targets", "chi-tieu-2025.csv", Targets2025);
        await page.GotoAsync("/coverage?unit=38&year=2025");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải Phụ biểu", Exact = true }).ClickAsync());
        using var folder = new TempFolder();
        var xlsx = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(xlsx);
        var csv = await LibreOffice.ConvertToCsvAsync(xlsx, TestContext.Current.CancellationToken);

        Assert.Equal("phu-bieu-38-2025.xlsx", download.SuggestedFilename);
        Assert.Equal("PHỤ BIỂU: GIAO CHỈ TIÊU PHÁT TRIỂN ĐỐI TƯỢNG THAM GIA BẢO HIỂM XÃ HỘI NĂM 2025", csv[0][0]);
        Assert.Equal(ThanhHoa, csv[1][0]);
        Assert.Equal(["3.600", "3.300", "91,7"], csv[4][2..5]);
        var hamRong = Assert.Single(csv, row => row.Length > 1 && row[1] == HamRong);
        Assert.Equal(["1.100", "1.000", "90,9"], hamRong[2..5]);
    }

    [Fact]
    public async Task Import_FileWithBadRow_NamesRowAndColumnAndImportsNothing()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        const string file = """
            year,unit_code,indicator,value
            2028,14812,si.compulsory.participants,777
            2028,99999,si.compulsory.participants,12
            """;

        await ImportAsync(page, "targets", "chi-tieu-loi.csv", file);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tệp chi-tieu-loi.csv chưa được nhập: 1 vấn đề", Exact = true })).ToBeVisibleAsync();
        var problem = page.Locator("#problems").GetByRole(AriaRole.Row).Nth(1);
        var cells = problem.GetByRole(AriaRole.Cell);
        await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync("unit_code");
        await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync("99999");
        await Assertions.Expect(cells.Nth(4)).ToContainTextAsync("Không có đơn vị mang mã này");

        await page.GotoAsync("/targets?unit=14812&year=2028");
        await Assertions.Expect(page.GetByText("Đơn vị chưa có chỉ tiêu nào cho năm này.", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static async Task ImportAsync(IPage page, string feed, string fileName, string content)
    {
        await page.GotoAsync("/coverage/import");
        await page.GetByLabel("Loại số liệu", new() { Exact = true }).SelectOptionAsync(feed);
        await page.GetByLabel("Tệp (.csv hoặc .xlsx)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n") + "\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-result, #problems")).ToBeVisibleAsync();
    }

    private static ILocator OwnRow(IPage page) =>
        page.Locator("#own-targets").GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = Participants, Exact = true }) });

    private static async Task ApproveAsync(IPage page, string number, string date)
    {
        await page.GetByLabel("Số quyết định", new() { Exact = true }).FillAsync(number);
        await page.GetByLabel("Ngày quyết định", new() { Exact = true }).FillAsync(date);
        await page.GetByLabel("Cơ quan quyết định", new() { Exact = true }).FillAsync("HĐND tỉnh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteCoveragePagesTests(SqliteWebApp fixture) : CoveragePagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresCoveragePagesTests(PostgresWebApp fixture) : CoveragePagesTests<PostgresWebApp>(fixture);
