using System.Collections.Concurrent;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>
/// An official follows a finding of the cross-check to money recovered: finds it by the employer's
/// tax code, takes it under review, confirms it, opens a case and records the amount recovered.
/// </summary>
public abstract class CompliancePagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    private const string Period = "2025-02";

    private static readonly ConcurrentDictionary<WebAppFixture, Lazy<Task>> Prepared = new();

    // An employer of its own, so no other test's lists touch it.
    private static readonly string Employer = FeedFiles.TaxCode(880);

    [Fact]
    public async Task Finding_ReviewedConfirmedAndPutInACase_RecordsTheAmountRecovered()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Đối chiếu", Exact = true }).ClickAsync();
        await page.GetByLabel("Mã số thuế").FillAsync(Employer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        var row = page.Locator("#findings").GetByRole(AriaRole.Row).Filter(new() { HasText = "Trốn đóng" });
        await Assertions.Expect(row).ToContainTextAsync("6.000.000");
        await Assertions.Expect(row).ToContainTextAsync("Mới");
        await row.GetByRole(AriaRole.Link, new() { Name = "Trốn đóng" }).ClickAsync();

        // Unpaid 6,000,000 for February, due by 31 March, as of 30 June: 91 days at 0.03% a day.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trốn đóng");
        await Assertions.Expect(page.Locator("#finding")).ToContainTextAsync("163.800");
        await Assertions.Expect(page.Locator("#evidence")).ToContainTextAsync("si-contributions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận xem xét" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Đang xem xét");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận vi phạm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Đã xác nhận");
        await Assertions.Expect(page.Locator("#history").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ xử lý" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hồ sơ xử lý");
        await page.Locator("#record-step").GetByLabel("Bước").SelectOptionAsync(new SelectOptionValue { Label = "Thu hồi số tiền nợ" });
        await page.GetByLabel("Ngày (dd/MM/yyyy)").FillAsync("15/07/2025");
        await page.GetByLabel("Số tiền (đồng; phạt hoặc thu hồi)").FillAsync("6.000.000");
        await page.GetByLabel("Số văn bản (quyết định, biên bản)").FillAsync("Giấy nộp tiền 125/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước xử lý" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi bước xử lý");
        await Assertions.Expect(page.Locator("#recovered")).ToContainTextAsync("6.000.000");
        await Assertions.Expect(page.Locator("#steps")).ToContainTextAsync("Giấy nộp tiền 125/2025");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trốn đóng, 02/2025" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Đã mở hồ sơ");
    }

    [Fact]
    public async Task Finding_DismissedWithoutAReason_IsRefusedAndStaysUnderReview()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync($"/compliance?tax={Employer}&kind={FindingKinds.HeadcountGap}");
        await page.Locator("#findings").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận xem xét" }).ClickAsync();

        // The browser asks for the reason before sending; a blank one sent anyway is refused by the server.
        await page.GetByLabel("Lý do").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bác bỏ" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cần ghi lý do bác bỏ");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Đang xem xét");
        await page.GetByLabel("Lý do").FillAsync("Người lao động là chủ hộ, không thuộc diện bắt buộc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bác bỏ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToContainTextAsync("Đã bác bỏ — Người lao động là chủ hộ");
    }

    /// <summary>Once per host: the employer's February, with contributions paid short and an employee taxed but not insured, cross-checked as of 30 June.</summary>
    private Task PrepareAsync() => Prepared.GetOrAdd(fixture, f => new Lazy<Task>(() => PrepareAsync(f))).Value;

    private static async Task PrepareAsync(WebAppFixture web)
    {
        using var files = new TempFolder();
        var (id, birth, _) = FeedFiles.Person(880);
        foreach (var (feed, text) in new[]
        {
            ("si-contributions", $"period,employer_tax_code,amount_due,amount_paid\n{Period},{Employer},10000000,4000000\n"),
            ("tax-employees", $"{FeedFiles.TaxEmployeesHeader}\n{Period},{Employer},{id},Trịnh Văn Hùng,{birth:yyyy-MM-dd},9000000\n"),
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
public sealed class SqliteCompliancePagesTests(SqliteWebApp fixture) : CompliancePagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresCompliancePagesTests(PostgresWebApp fixture) : CompliancePagesTests<PostgresWebApp>(fixture);
