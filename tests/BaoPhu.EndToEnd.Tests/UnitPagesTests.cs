using BaoPhu.Testing;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>An official signs in and works with the administrative units, in a real browser.</summary>
public abstract class UnitPagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    [Fact]
    public async Task Search_WithoutDiacritics_FindsTrieuSonDistrict()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);

        await page.GetByLabel("Ngày").FillAsync("2025-03-01");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("trieu son");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();

        var results = page.Locator("#search-results");
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Huyện Triệu Sơn", Exact = true })).ToBeVisibleAsync();
        var district = results.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Huyện Triệu Sơn", Exact = true }) });
        await Assertions.Expect(district).ToContainTextAsync("Tỉnh Thanh Hóa");
        await Assertions.Expect(district).ToContainTextAsync("397");
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Thị trấn Triệu Sơn", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tree_OnDateBeforeMerger_ExpandsProvinceIntoDistrictsAndCommunes()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync("/units?on=2025-03-01");
        var tree = page.Locator("#unit-tree");
        await Assertions.Expect(tree.Locator(":scope > li")).ToHaveCountAsync(63);

        await tree.GetByRole(AriaRole.Link, new() { Name = "Mở/đóng Tỉnh Thanh Hóa", Exact = true }).ClickAsync();
        await tree.GetByRole(AriaRole.Link, new() { Name = "Mở/đóng Huyện Triệu Sơn", Exact = true }).ClickAsync();

        await Assertions.Expect(tree.GetByRole(AriaRole.Link, new() { Name = "Huyện Triệu Sơn", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(tree.GetByRole(AriaRole.Link, new() { Name = "Thị trấn Triệu Sơn", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tree_OnDateAfterMerger_ShowsThirtyFourProvincesWithCommunesDirectlyBelow()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync("/units?on=2025-07-01");
        var tree = page.Locator("#unit-tree");

        await Assertions.Expect(tree.Locator(":scope > li")).ToHaveCountAsync(34);
        await tree.GetByRole(AriaRole.Link, new() { Name = "Mở/đóng Thành phố Hà Nội", Exact = true }).ClickAsync();
        await Assertions.Expect(tree.GetByRole(AriaRole.Link, new() { Name = "Phường Ngọc Hà", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task UnitPage_OfCongVi_ShowsItsTwoSuccessorsAfter2025()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync("/units?on=2025-03-01&q=cong+vi");
        await page.Locator("#search-results").GetByRole(AriaRole.Link, new() { Name = "Phường Cống Vị", Exact = true }).ClickAsync();

        var after = page.Locator("#lineage-after");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phường Cống Vị", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(after.GetByRole(AriaRole.Link, new() { Name = "Phường Ngọc Hà", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(after.GetByRole(AriaRole.Link, new() { Name = "Phường Giảng Võ", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(after.GetByRole(AriaRole.Row).Filter(new() { HasText = "Phường Giảng Võ" })).ToContainTextAsync("một phần");

        await after.GetByRole(AriaRole.Link, new() { Name = "Phường Ngọc Hà", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#lineage-before").GetByRole(AriaRole.Link, new() { Name = "Phường Cống Vị", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Phường Liễu Giai").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_StaysOnSignInWithAClearMessage()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/units");

        await page.GetByLabel("Tên đăng nhập").FillAsync(WebAppFixture.CoordinatorName);
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task Language_SwitchedToEnglish_ShowsEnglishPagesWithCommaThousands()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administrative units", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".card-value")).ToContainTextAsync("3,321 communes");
    }

    [Fact]
    public async Task LinkShare_SetByCoordinator_IsSavedAndShown()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync("/units?on=2025-03-01&q=00007");
        await page.Locator("#search-results").GetByRole(AriaRole.Link, new() { Name = "Phường Cống Vị", Exact = true }).ClickAsync();
        var row = page.Locator("#lineage-after").GetByRole(AriaRole.Row).Filter(new() { HasText = "Phường Ngọc Hà" });

        await row.GetByLabel("Tỷ lệ chuyển sang (%)").FillAsync("60");
        await row.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu tỷ lệ phân bổ.");
        await Assertions.Expect(page.Locator("#lineage-after").GetByRole(AriaRole.Row).Filter(new() { HasText = "Phường Ngọc Hà" }).GetByLabel("Tỷ lệ chuyển sang (%)")).ToHaveValueAsync("60");

        var other = page.Locator("#lineage-after").GetByRole(AriaRole.Row).Filter(new() { HasText = "Phường Giảng Võ" });
        await other.GetByLabel("Tỷ lệ chuyển sang (%)").FillAsync("70");
        await other.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("100%");
    }

    [Fact]
    public async Task LinkShare_ForLocalOfficial_IsReadOnly()
    {
        var page = await fixture.SignInAsync(WebAppFixture.ViewerName, WebAppFixture.ViewerPassword);
        await page.GotoAsync("/units?on=2025-03-01&q=00007");
        await page.Locator("#search-results").GetByRole(AriaRole.Link, new() { Name = "Phường Cống Vị", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#lineage-after").GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ExcelExport_OfSearchResults_OpensInLibreOfficeWithLeadingZerosKept()
    {
        var page = await fixture.SignInAsync(WebAppFixture.CoordinatorName, WebAppFixture.CoordinatorPassword);
        await page.GotoAsync("/units?on=2025-03-01&q=cong+vi");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải Excel", Exact = true }).ClickAsync());
        using var folder = new TempFolder();
        var xlsx = Path.Combine(folder.Path, download.SuggestedFilename);
        await download.SaveAsAsync(xlsx);
        var csv = await LibreOffice.ConvertToCsvAsync(xlsx, TestContext.Current.CancellationToken);

        Assert.Equal(["Mã", "Tên", "Loại", "Cấp", "Hiệu lực từ", "Hiệu lực đến"], csv[0]);
        Assert.Equal(["00007", "Phường Cống Vị", "Phường", "Xã", "", "30/06/2025"], csv[1]);
        Assert.Equal(2, csv.Length);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteUnitPagesTests(SqliteWebApp fixture) : UnitPagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresUnitPagesTests(PostgresWebApp fixture) : UnitPagesTests<PostgresWebApp>(fixture);
