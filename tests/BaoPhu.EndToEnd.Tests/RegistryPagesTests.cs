using System.Collections.Concurrent;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Text;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>
/// Officials look an employer up in the registry: found by name typed without accents, its months
/// of tax against SI, and its employees, whose IDs only the enforcing agencies see in full.
/// </summary>
public abstract class RegistryPagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    // Not "canbo…": other tests find their users by a part of the name.
    public const string CommuneUserName = "phuong-dongvinh";
    public const string CommuneUserPassword = "mat-khau-phuong-1";
    public const string AgencyUserName = "bhxh-tinh";
    public const string AgencyUserPassword = "mat-khau-bhxh-1";

    private static readonly ConcurrentDictionary<WebAppFixture, Lazy<Task>> Prepared = new();

    // Phường Đông Vĩnh and Phường Hà Huy Tập (Vinh, Nghệ An): a province the coverage tests leave alone,
    // since the lists' actuals reach the dashboards.
    private const string DongVinh = "16663";
    private const string HaHuyTap = "16666";
    private const string NgheAn = "40";

    private static readonly RegistryFeedFiles Month = new("2025-05", 700, DongVinh, HaHuyTap);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmployerPage_FoundByNameWithoutAccents_ShowsMonthsAndMasksIdsForACommuneUser()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(CommuneUserName, CommuneUserPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sổ đăng ký", Exact = true }).ClickAsync();
        await page.GetByLabel("Mã số thuế, mã đơn vị BHXH", new() { Exact = false }).FillAsync("xay dung duc luong 700");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await ScreenshotAsync(page, "search");
        await page.Locator("#employers").GetByRole(AriaRole.Link, new() { Name = "Công ty TNHH Xây dựng Đức Lượng 700" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Công ty TNHH Xây dựng Đức Lượng 700");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Đăng ký tham gia BHXH" })).ToContainTextAsync(Month.SiUnitCode);

        // May 2025: four declared to tax, two in SI, a gap of two; 8.000.000 due, 5.000.000 paid.
        var may = page.Locator("#months").GetByRole(AriaRole.Row).Filter(new() { HasText = "05/2025" });
        await Assertions.Expect(may).ToContainTextAsync("4");
        await Assertions.Expect(may.Locator("td.gap").First).ToHaveTextAsync("2");
        await Assertions.Expect(may).ToContainTextAsync("8.000.000");
        await Assertions.Expect(may.Locator("td.gap").Last).ToHaveTextAsync("3.000.000");

        var employees = page.Locator("#employees");
        await Assertions.Expect(employees.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Assertions.Expect(employees).ToContainTextAsync(PersonalData.MaskId(Month.Person(0).Id));
        await Assertions.Expect(employees).Not.ToContainTextAsync(Month.Person(0).Id);
        await Assertions.Expect(employees).ToContainTextAsync("•••");
        await ScreenshotAsync(page, "employer-commune");

        // The bakery lies in another commune: as if it did not exist.
        var response = await page.GotoAsync($"/registry/employers/{Month.Bakery}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ngoài địa bàn được giao cho bạn");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("outside your area");
        await ScreenshotAsync(page, "employer-out-of-scope");
    }

    [Fact]
    public async Task EmployeeList_ForTheInsuranceAgency_ShowsFullIdsAndDownloadsAsExcel()
    {
        await PrepareAsync();
        var page = await fixture.SignInAsync(AgencyUserName, AgencyUserPassword);

        await page.GotoAsync($"/registry/employers/{Month.Builder}");
        var employees = page.Locator("#employees");
        await Assertions.Expect(employees).ToContainTextAsync(Month.Person(0).Id);
        await Assertions.Expect(employees).ToContainTextAsync("20.000.000");
        await ScreenshotAsync(page, "employer-agency");

        var section = page.GetByRole(AriaRole.Region, new() { Name = "Lao động tháng 05/2025" });
        var download = await page.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Link, new() { Name = "Tải Excel", Exact = true }).ClickAsync());
        using var folder = new TempFolder();
        var xlsx = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(xlsx);
        var csv = await LibreOffice.ConvertToCsvAsync(xlsx, Token);

        Assert.Equal(["Tháng", "Họ và tên", "Số định danh", "Có trong danh sách thuế", "Có tham gia BHXH", "Thu nhập chịu thuế", "Tiền lương đóng BHXH"], csv[0]);
        var lines = csv.Skip(1).Where(r => r.Length > 1).ToList();
        Assert.Equal(3, lines.Count);
        var first = Assert.Single(lines, r => r[2] == Month.Person(0).Id);
        Assert.Equal(["05/2025", "Nguyễn Văn An", Month.Person(0).Id, "Có", "Có"], first[..5]);
        var taxOnly = Assert.Single(lines, r => r[2] == Month.Person(2).Id);
        Assert.Equal("Không", taxOnly[4]);

        // From the list to the person: their month at the builder, in tax and in SI.
        await employees.GetByRole(AriaRole.Row).Filter(new() { HasText = Month.Person(1).Id }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#identity")).ToContainTextAsync(Month.Person(1).Id);
        await Assertions.Expect(page.Locator("#identity")).ToContainTextAsync("Phường Hà Huy Tập");
        var history = page.Locator("#history").GetByRole(AriaRole.Row).Filter(new() { HasText = "05/2025" });
        await Assertions.Expect(history).ToContainTextAsync("Công ty TNHH Xây dựng Đức Lượng 700");
        await Assertions.Expect(history).ToContainTextAsync("19.000.000");
        await Assertions.Expect(history).ToContainTextAsync("Bắt buộc, có BHTN");
        await Assertions.Expect(history).ToContainTextAsync("12.000.000");
        Assert.DoesNotContain(Month.Person(1).Id, page.Url, StringComparison.Ordinal);
    }

    /// <summary>Saves what the page looks like into the folder BAOPHU_SCREENSHOTS names, when it names one, for a person to look at.</summary>
    private Task ScreenshotAsync(IPage page, string name) => fixture.ScreenshotAsync(page, $"registry-{name}");

    /// <summary>Once per host: an official of Đông Vĩnh, a provincial BHXH official of Nghệ An, and the month's lists.</summary>
    private Task PrepareAsync() => Prepared.GetOrAdd(fixture, f => new Lazy<Task>(() => PrepareAsync(f))).Value;

    private static async Task PrepareAsync(WebAppFixture web)
    {
        await web.Database.InScopeAsync(async s =>
        {
            var units = s.GetRequiredService<IUnitDirectory>();
            var dongVinh = await units.FindAsync(DongVinh, NationalUnitsFixture.ListDate, CancellationToken.None);
            var ngheAn = await units.FindAsync(NgheAn, NationalUnitsFixture.MergerDate, CancellationToken.None);
            var admin = s.GetRequiredService<UserAdministration>();
            await admin.CreateAsync(new NewUser(CommuneUserName, "Hoàng Văn Phường", Roles.LocalGovernment, Agencies.PeoplesCommittee, dongVinh!.Id), CommuneUserPassword);
            return await admin.CreateAsync(new NewUser(AgencyUserName, "Đặng Thị Bảo Hiểm", Roles.InsuranceAgency, Agencies.SocialSecurity, ngheAn!.Id), AgencyUserPassword);
        });

        using var files = new TempFolder();
        foreach (var (feed, text) in new[]
        {
            ("business-registry", Month.BusinessRegistry()),
            ("si-employers", Month.SiEmployers()),
            ("tax-employees", Month.TaxEmployees()),
            ("si-participants", Month.SiParticipants()),
            ("si-contributions", Month.SiContributions()),
        })
        {
            var result = await web.Database.InScopeAsync(s => s.GetRequiredService<IFeedImports>()
                .ImportAsync(new FeedImportRequest(feed, files.Write($"{feed}.csv", text), Month.Period), null, CancellationToken.None));
            Assert.Equal(FeedOutcome.Committed, result.Outcome);
        }
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteRegistryPagesTests(SqliteWebApp fixture) : RegistryPagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresRegistryPagesTests(PostgresWebApp fixture) : RegistryPagesTests<PostgresWebApp>(fixture);
