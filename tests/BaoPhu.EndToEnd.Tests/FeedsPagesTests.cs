using System.Text;
using System.Text.RegularExpressions;
using BaoPhu.Testing;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>
/// An official sends an agency's list: uploads it for a dry run, follows the job's progress, reads the
/// rows refused and downloads the error report, then imports the file as it was checked.
/// </summary>
public abstract partial class FeedsPagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    private const int Rows = 3_000;

    [Fact]
    public async Task Upload_DryRunThenImport_ShowsProgressProblemsAndTheErrorReport()
    {
        // Each provider's host gets its own period, so the two runs never replace each other's file.
        var period = fixture.Database.Provider == Platform.Persistence.DatabaseProvider.Sqlite ? "2024-01" : "2024-02";
        var file = FeedFiles.TaxEmployees(period, Rows, (n, row) => n switch
        {
            100 => row.Replace(period + ",", period + "-15,", StringComparison.Ordinal),
            2000 => row[..row.LastIndexOf(',')] + ",12.500.000",
            _ => null,
        });
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GotoAsync("/feeds");
        await page.GetByLabel("Loại dữ liệu", new() { Exact = true }).SelectOptionAsync("tax-employees");
        await page.GetByLabel("Tệp (.csv hoặc .xlsx)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "thue-tncn-thang.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(file),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thử", Exact = true }).ClickAsync();

        // The job page, refreshing itself until the job ends, with its progress bar and row count.
        await page.WaitForURLAsync(JobUrl());
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(page.Locator("#job-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#job-count")).ToContainTextAsync("%");
        await page.Locator("#job-result").ClickAsync();

        await Assertions.Expect(page.Locator("#intake-outcome")).ToHaveTextAsync("Kiểm tra thử");
        await Assertions.Expect(page.Locator("#intake-imported")).ToHaveTextAsync("2.998");
        await Assertions.Expect(page.Locator("#intake-rejected")).ToHaveTextAsync("2");
        var problems = page.Locator("#problems").GetByRole(AriaRole.Row);
        await Assertions.Expect(problems).ToHaveCountAsync(3);
        await Assertions.Expect(problems.Nth(1).GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("102");
        await Assertions.Expect(problems.Nth(1).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("period");
        await Assertions.Expect(problems.Nth(2).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("gross_income");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#problems-download").ClickAsync());
        using var folder = new TempFolder();
        var xlsx = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(xlsx);
        var csv = await LibreOffice.ConvertToCsvAsync(xlsx, TestContext.Current.CancellationToken);
        Assert.Equal(["Tệp", "Dòng", "Cột", "Giá trị", "Mức", "Vấn đề"], csv[0]);
        Assert.Equal(["thue-tncn-thang.csv", "102", "period", $"{period}-15"], csv[1][..4]);
        Assert.Equal(["2002", "gross_income", "•••"], csv[2][1..4]);
        Assert.Contains("yyyy-MM", csv[1][5], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập tệp này", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(JobUrl());
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("Hoàn thành");
        await page.Locator("#job-result").ClickAsync();
        await Assertions.Expect(page.Locator("#intake-outcome")).ToHaveTextAsync("Đã nhập");
        await Assertions.Expect(page.Locator("#intake-imported")).ToHaveTextAsync("2.998");

        await page.GotoAsync("/feeds");
        var latest = page.Locator("#intakes").GetByRole(AriaRole.Row).Filter(new() { HasText = "thue-tncn-thang.csv" }).First;
        await Assertions.Expect(latest).ToContainTextAsync("Đã nhập");
        await Assertions.Expect(latest).ToContainTextAsync(period);
    }

    [GeneratedRegex(@"/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteFeedsPagesTests(SqliteWebApp fixture) : FeedsPagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresFeedsPagesTests(PostgresWebApp fixture) : FeedsPagesTests<PostgresWebApp>(fixture);
