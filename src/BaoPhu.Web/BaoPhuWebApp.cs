using System.Text.Encodings.Web;
using System.Text.Unicode;
using BaoPhu.Database;
using BaoPhu.Demo.Generation;
using BaoPhu.Demo.SeedDemo;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Text;
using BaoPhu.Registry;
using BaoPhu.Targets;
using BaoPhu.Units;
using BaoPhu.Web.Admin;
using BaoPhu.Web.Components;
using BaoPhu.Web.Jobs;
using BaoPhu.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace BaoPhu.Web;

/// <summary>The web host: pages, HTTP API, sign-in and module composition.</summary>
public static class BaoPhuWebApp
{
    public static WebApplication Build(string[] args, Action<ConfigurationManager>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Named explicitly so the static assets manifest is found when a test hosts the app.
            ApplicationName = typeof(BaoPhuWebApp).Assembly.GetName().Name,
            // appsettings.json sits beside the binary, however the host is started; the SQLite file's place is DatabaseOptions' concern.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder.Configuration);

        // Pages and module assets are served from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;

        services.AddBaoPhu(builder.Configuration);
        // Vietnamese letters are written as themselves in pages, not as numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<IActor, HttpActor>();
        services.AddMemoryCache();
        new IdentityBuilder(typeof(AppUser), typeof(AppRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/signin";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "baophu.auth";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddScoped<ScopeMiddleware>();
        services.AddJobRunner();

        var app = builder.Build();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Localized.Vietnamese);
            options.SupportedCultures = options.SupportedUICultures = [Localized.Vietnamese, Localized.English];
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ScopeMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        AccountEndpoints.Map(app);
        AdminEndpoints.Map(app);
        JobEndpoints.Map(app);
        foreach (var module in BaoPhuComposition.Catalog.Modules)
        {
            module.MapEndpoints(app);
        }

        app.MapRazorComponents<App>().AddAdditionalAssemblies(typeof(UnitsModule).Assembly, typeof(TargetsModule).Assembly, typeof(BaoPhu.Feeds.FeedsModule).Assembly, typeof(RegistryModule).Assembly, typeof(BaoPhu.Compliance.ComplianceModule).Assembly);
        return app;
    }

    /// <summary>
    /// Brings the database up to date and, on the very first start, creates the administrator
    /// (printing a generated password once) and seeds the demo province.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, TextWriter console, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DatabaseRegistration.MigrateAsync(services.GetRequiredService<BaoPhuDbContext>(), services.GetRequiredService<DatabaseOptions>(), cancellationToken);

        var configuration = services.GetRequiredService<IConfiguration>();
        var (created, generatedPassword) = await services.GetRequiredService<UserAdministration>()
            .EnsureAdministratorAsync(configuration[UserAdministration.AdminPasswordVariable]);
        if (!created)
        {
            return;
        }

        // Written to the console only, never to the log, and only this once.
        await console.WriteLineAsync(generatedPassword is null
            ? $"Đã tạo tài khoản quản trị '{UserAdministration.AdministratorUserName}' với mật khẩu từ {UserAdministration.AdminPasswordVariable} / administrator created with the password from {UserAdministration.AdminPasswordVariable}."
            : $"Tài khoản quản trị / administrator: {UserAdministration.AdministratorUserName}  Mật khẩu / password: {generatedPassword}  (chỉ in một lần / printed once)");

        if (configuration.GetValue("Demo:SeedOnFirstStart", true))
        {
            await console.WriteLineAsync("Đang tạo tỉnh minh họa / seeding the demo province …");
            await services.GetRequiredService<DemoSeeder>().SeedAsync(new DemoUnitOptions(), cancellationToken);
        }
    }
}
