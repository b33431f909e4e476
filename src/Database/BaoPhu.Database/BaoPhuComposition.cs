using BaoPhu.Compliance;
using BaoPhu.Demo;
using BaoPhu.Feeds;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Modules;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Registry;
using BaoPhu.Reporting;
using BaoPhu.Targets;
using BaoPhu.Units;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Database;

/// <summary>The modules BaoPhu is made of, composed once for both hosts, the migrations and the tests.</summary>
public static class BaoPhuComposition
{
    public static readonly ModuleCatalog Catalog = new([new UnitsModule(), new TargetsModule(), new FeedsModule(), new RegistryModule(), new ComplianceModule(), new ReportingModule(), new DemoModule()]);

    /// <summary>Database, platform services and every module's services for a host.</summary>
    public static IServiceCollection AddBaoPhu(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(Catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddBaoPhuDatabase(options);
        services.AddScoped<ActingFor>();
        services.AddScoped<IActor, SystemActor>();
        services.AddBaoPhuIdentityCore();
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<AuditReader>();
        foreach (var module in Catalog.Modules)
        {
            module.AddServices(services, configuration);
        }

        return services;
    }
}
