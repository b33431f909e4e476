using System.Collections.Concurrent;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>
/// What an official does with the cross-check's findings after reviewing them: ranks employers for
/// inspection and downloads the plan, reviews the month's arrears, hands a finding to an agency,
/// downloads an employer's evidence sheet, and sees the results on the coverage dashboard.
/// </summary>
public abstract class EnforcementPagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    private const string Period = "2025-03";

    private static readonly ConcurrentDictionary<WebAppFixture, Lazy<Task>> Prepared = new();

    // An employer of its own, so no other test's lists or reviews touch it.
    private static readonly string Employer = FeedFiles.TaxCode(881);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RiskRanking_ShowsWhyAnEmployerRanks_AndDownloadsThePlanAndItsEvidenceSheet()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Đối chiếu", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Xếp hạng rủi ro, kế hoạch kiểm tra" }).ClickAsync();
        await page.GetByLabel("Số đơn vị").SelectOptionAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập danh sách" }).ClickAsync();
        var row = page.Locator("#risk").GetByRole(AriaRole.Row).Filter(new() { HasText = Employer });
        await Assertions.Expect(row).ToContainTextAsync("Trốn đóng +25");
        await Assertions.Expect(row).ToContainTextAsync("Có thu nhập chịu thuế, không đóng BHXH bắt buộc: 1 người +2");
        await Assertions.Expect(page.Locator("#rules")).ToContainTextAsync("Chưa đăng ký tham gia BHXH: 30 điểm");
        await fixture.ScreenshotAsync(page, "compliance-risk");

        var plan = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Tải kế hoạch (Excel)" }).ClickAsync());
        Assert.Equal(["Thứ tự", "Mã số thuế", "Đơn vị sử dụng lao động"], plan[0][..3]);
        var line = Assert.Single(plan, r => r.Length > 7 && r[1] == Employer);
        Assert.Contains("Trốn đóng (+25)", line[7], StringComparison.Ordinal);

        var evidence = await DownloadAsync(page, () => row.GetByRole(AriaRole.Link, new() { Name = "Phiếu bằng chứng" }).ClickAsync());
        Assert.Equal(["Mục", "Nội dung"], evidence[0]);
        Assert.Contains(evidence, r => r is ["Mã số thuế", var code] && code == Employer);
        Assert.Contains(evidence, r => r.Length == 2 && r[0] == "Điểm rủi ro" && int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) >= 27);
    }

    [Fact]
    public async Task ArrearsReview_ListsTheEmployerOwing_AndDownloadsTheReview()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GotoAsync("/compliance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rà soát nợ hằng tháng" }).ClickAsync();
        await page.GetByLabel("Nhóm").SelectOptionAsync(new SelectOptionValue { Label = "Trốn đóng" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var row = page.Locator("#arrears").GetByRole(AriaRole.Row).Filter(new() { HasText = Employer });
        await Assertions.Expect(row).ToContainTextAsync("Trốn đóng");
        await Assertions.Expect(row).ToContainTextAsync("03/2025");
        await Assertions.Expect(row).ToContainTextAsync("3.000.000");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Chưa xử lý: xem phát hiện" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "compliance-arrears");

        var review = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Tải Excel", Exact = true }).ClickAsync());
        var line = Assert.Single(review, r => r.Length > 8 && r[0] == Employer);
        Assert.Equal(("Trốn đóng", "03/2025", "3000000"), (line[4], line[7], line[8]));
        Assert.All(review.Skip(1).Where(r => r.Length > 4), r => Assert.Equal("Trốn đóng", r[4]));
    }

    [Fact]
    public async Task Finding_AssignedToTheInspectorate_ShowsInItsHistoryAndTheInspectoratesList()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync($"/compliance?tax={Employer}&kind={FindingKinds.HeadcountGap}");
        await page.Locator("#findings").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#assigned")).ToHaveTextAsync("Chưa giao");

        await page.GetByLabel("Giao cho cơ quan").SelectOptionAsync(new SelectOptionValue { Label = "Thanh tra" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao xử lý" }).ClickAsync();

        await Assertions.Expect(page.Locator("#assigned")).ToHaveTextAsync("Thanh tra");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("Giao xử lý");
        await page.GetByLabel("Đơn vị (mã xã, huyện, tỉnh; để trống: xã của phát hiện)").FillAsync("99999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao xử lý" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không có đơn vị mã '99999'");
        await page.GotoAsync($"/compliance?agency=inspectorate&tax={Employer}");
        await Assertions.Expect(page.Locator("#findings").GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync("Thanh tra");
    }

    [Fact]
    public async Task Lists_BySector_ShowTheUnplacedEmployers_AndDownloadTheirList()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GotoAsync("/compliance/lists");
        await page.GetByLabel("Chia theo").SelectOptionAsync(new SelectOptionValue { Label = "Ngành (VSIC)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Theo ngành" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#lists")).ToContainTextAsync("Chưa rõ ngành");
        var list = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Tải danh sách cả phạm vi" }).ClickAsync());
        Assert.Equal(["Mã số thuế", "Đơn vị sử dụng lao động", "Xã, phường", "Ngành (VSIC)", "Số lao động", "Điểm rủi ro"], list[0][..6]);
        var line = Assert.Single(list, r => r.Length > 8 && r[0] == Employer);
        Assert.Equal(("1", "1"), (line[7], line[8]));
    }

    [Fact]
    public async Task CoverageDashboard_ShowsTheCrossChecksCards_LinkingToTheArrearsReview()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GotoAsync("/coverage?unit=38&year=2025");

        var section = page.GetByRole(AriaRole.Region, new() { Name = "Đối chiếu và thu hồi" });
        await Assertions.Expect(section.Locator(".card")).ToHaveCountAsync(4);
        await Assertions.Expect(section.Locator("#card-recovered")).ToContainTextAsync("Số tiền đã thu hồi (đồng)");
        await section.Locator("#card-arrears").GetByRole(AriaRole.Link, new() { Name = "Xem chi tiết" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rà soát nợ đóng BHXH, BHYT, BHTN hằng tháng");
    }

    private static async Task<string[][]> DownloadAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        using var folder = new TempFolder();
        var xlsx = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(xlsx);
        return await LibreOffice.ConvertToCsvAsync(xlsx, Token);
    }

    /// <summary>Once per host: the employer's March, paid 3,000,000 short and with an employee taxed but not insured, cross-checked as of 30 June.</summary>
    private Task PrepareAsync() => Prepared.GetOrAdd(fixture, f => new Lazy<Task>(() => PrepareAsync(f))).Value;

    private static async Task PrepareAsync(WebAppFixture web)
    {
        using var files = new TempFolder();
        var (id, birth, _) = FeedFiles.Person(881);
        foreach (var (feed, text) in new[]
        {
            ("si-contributions", $"period,employer_tax_code,amount_due,amount_paid\n{Period},{Employer},8000000,5000000\n"),
            ("tax-employees", $"{FeedFiles.TaxEmployeesHeader}\n{Period},{Employer},{id},Lê Thị Hoa,{birth:yyyy-MM-dd},8500000\n"),
        })
        {
            var result = await web.Database.InScopeAsync(s => s.GetRequiredService<IFeedImports>()
                .ImportAsync(new FeedImportRequest(feed, files.Write($"{feed}.csv", text), Period), null, CancellationToken.None));
            Assert.Equal(FeedOutcome.Committed, result.Outcome);
        }

        await web.Database.InScopeAsync(s => s.GetRequiredService<ICrossCheck>()
            .RunAsync(new CrossCheckRequest(Period, AsOf: new DateOnly(2025, 6, 30)), CancellationToken.None));
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteEnforcementPagesTests(SqliteWebApp fixture) : EnforcementPagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresEnforcementPagesTests(PostgresWebApp fixture) : EnforcementPagesTests<PostgresWebApp>(fixture);
