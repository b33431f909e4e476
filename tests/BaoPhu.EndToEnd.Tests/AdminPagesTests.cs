using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>A province administrator manages users of their area and reads the audit log.</summary>
public abstract class AdminPagesTests<TFixture>(TFixture fixture)
    where TFixture : WebAppFixture
{
    [Fact]
    public async Task Users_ForProvinceAdministrator_ListsOnlyUsersInTheProvince()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true }).ClickAsync();

        var users = page.Locator("#users");
        await Assertions.Expect(users.GetByRole(AriaRole.Cell, new() { Name = WebAppFixture.ViewerName, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(users.GetByRole(AriaRole.Row).Filter(new() { HasText = WebAppFixture.ViewerName })).ToContainTextAsync("Tỉnh Thanh Hóa (38)");
        await Assertions.Expect(users.GetByRole(AriaRole.Cell, new() { Name = WebAppFixture.CoordinatorName, Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Users_CreatedWithCommuneScope_AppearsInTheList()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GotoAsync("/admin/users");
        var name = "xa-ts-" + typeof(TFixture).Name.ToLowerInvariant()[..3];

        await page.GetByLabel("Tên đăng nhập").FillAsync(name);
        await page.GetByLabel("Họ tên").FillAsync("Phạm Văn Xã");
        await page.GetByLabel("Vai trò").SelectOptionAsync("local-government");
        await page.GetByLabel("Cơ quan").SelectOptionAsync("peoples-committee");
        await page.GetByLabel("Mã đơn vị phạm vi").FillAsync("15664");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-xa-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã tạo người dùng {name}.");
        await Assertions.Expect(page.Locator("#users").GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Xã Triệu Sơn (15664)");
    }

    [Fact]
    public async Task Users_WithUnknownUnitCode_ShowsWhyAndCreatesNobody()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GotoAsync("/admin/users");

        await page.GetByLabel("Tên đăng nhập").FillAsync("khong-co-xa");
        await page.GetByLabel("Họ tên").FillAsync("Không Có");
        await page.GetByLabel("Mã đơn vị phạm vi").FillAsync("00007");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-xa-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không có đơn vị mã 00007");
        await Assertions.Expect(page.Locator("#users").GetByRole(AriaRole.Cell, new() { Name = "khong-co-xa", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Users_WithoutUnitByProvinceAdministrator_IsRefusedAsOutsideTheirScope()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GotoAsync("/admin/users");

        await page.GetByLabel("Tên đăng nhập").FillAsync("toan-quoc");
        await page.GetByLabel("Họ tên").FillAsync("Toàn Quốc");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-xa-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("phải thuộc phạm vi của bạn");
    }

    [Fact]
    public async Task Users_WithNameTakenOutsideTheScope_IsRefusedWithAMessage()
    {
        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GotoAsync("/admin/users");

        await page.GetByLabel("Tên đăng nhập").FillAsync(WebAppFixture.CoordinatorName);
        await page.GetByLabel("Họ tên").FillAsync("Trùng Tên");
        await page.GetByLabel("Mã đơn vị phạm vi").FillAsync("15664");
        await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-xa-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"'{WebAppFixture.CoordinatorName}' đã được dùng");
    }

    [Fact]
    public async Task Audit_AfterSignIns_ListsSuccessAndFailureWithTheirUser()
    {
        var failed = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.BaseUrl });
        await failed.GotoAsync("/account/signin");
        await failed.GetByLabel("Tên đăng nhập").FillAsync(WebAppFixture.ViewerName);
        await failed.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await failed.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        var page = await fixture.SignInAsync(WebAppFixture.AdminName, WebAppFixture.AdminPassword);
        await page.GotoAsync("/admin/audit?kind=sign-in-failed");

        var rows = page.Locator("#audit tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = WebAppFixture.ViewerName }).First).ToContainTextAsync("Đăng nhập sai");
        await page.GotoAsync("/admin/audit?kind=sign-in");
        await Assertions.Expect(rows.Filter(new() { HasText = WebAppFixture.AdminName }).First).ToContainTextAsync("Đăng nhập");
    }

    [Fact]
    public async Task AdminPages_ForLocalOfficial_AreDenied()
    {
        var page = await fixture.SignInAsync(WebAppFixture.ViewerName, WebAppFixture.ViewerPassword);

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền truy cập" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true })).ToHaveCountAsync(0);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteAdminPagesTests(SqliteWebApp fixture) : AdminPagesTests<SqliteWebApp>(fixture);

[Collection(PostgresWebCollection.Name)]
public sealed class PostgresAdminPagesTests(PostgresWebApp fixture) : AdminPagesTests<PostgresWebApp>(fixture);
