using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using BaoPhu.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BaoPhu.EndToEnd.Tests;

/// <summary>
/// The real web host on a free loopback port over a database holding Vietnam's real units, and
/// Debian's Chromium driven by Playwright.
/// </summary>
public abstract class WebAppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string CoordinatorName = "dieuphoi";
    public const string CoordinatorPassword = "mat-khau-dieu-phoi-1";
    public const string ViewerName = "canbo";
    public const string ViewerPassword = "mat-khau-can-bo-1";
    public const string AdminName = "quantri-th";
    public const string AdminPassword = "mat-khau-quan-tri-1";

    private WebApplication? app;
    private IPlaywright? playwright;

    public TestDatabase Database { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await NationalUnitsFixture.ImportAsync(Database);
        await Database.InScopeAsync(async s =>
        {
            var admin = s.GetRequiredService<UserAdministration>();
            await admin.CreateAsync(new NewUser(CoordinatorName, "Nguyễn Văn Điều Phối", Roles.Coordinator, Agencies.LabourDepartment, null), CoordinatorPassword);
            var thanhHoa = await s.GetRequiredService<IUnitDirectory>().FindAsync("38", NationalUnitsFixture.MergerDate, CancellationToken.None);
            await admin.CreateAsync(new NewUser(AdminName, "Trần Quản Trị", Roles.Administrator, Agencies.LabourDepartment, thanhHoa!.Id), AdminPassword);
            return await admin.CreateAsync(new NewUser(ViewerName, "Lê Thị Cán Bộ", Roles.LocalGovernment, Agencies.PeoplesCommittee, thanhHoa.Id), ViewerPassword);
        });

        app = BaoPhuWebApp.Build(["--urls", "http://127.0.0.1:0"], configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:BaoPhu"] = Database.ConnectionString,
            ["Demo:SeedOnFirstStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await BaoPhuWebApp.PrepareAsync(app, TextWriter.Null, CancellationToken.None);
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BAOPHU_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A full-page picture of the page into <c>BAOPHU_SCREENSHOTS</c>, when that folder is set, to look at the layout.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("BAOPHU_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{GetType().Name}.png"), FullPage = true });
        }
    }

    /// <summary>A fresh browser context signed in as the user, on the units page.</summary>
    public async Task<IPage> SignInAsync(string userName, string password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, AcceptDownloads = true });
        // Two cores run both providers' hosts, the other test assemblies and LibreOffice at once; a
        // slow step there is load, not a fault of the page.
        context.SetDefaultTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/units");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Arriving is enough: the steps after it wait for what they need on the page. Waiting for the
        // load event as well once took more than the timeout on the loaded machine, with the page there.
        await page.WaitForURLAsync("**/units", new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebApp() : WebAppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresWebApp() : WebAppFixture(DatabaseProvider.Postgres);

/// <summary>
/// One web host per provider for every page test: each host imports the whole country first, and
/// six of them starting at once on two cores made sign-ins time out.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqliteWebCollection : ICollectionFixture<SqliteWebApp>
{
    public const string Name = "web-sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresWebCollection : ICollectionFixture<PostgresWebApp>
{
    public const string Name = "web-postgres";
}
