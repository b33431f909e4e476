using BaoPhu.Platform.Modules;
using BaoPhu.Targets.AssignTargets;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Data;
using BaoPhu.Targets.Domain;
using BaoPhu.Targets.ImportCoverage;
using BaoPhu.Targets.Rollup;
using BaoPhu.Targets.ShowCoverage;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Targets;

/// <summary>Indicators, targets through the hierarchy, actuals, progress and foresight.</summary>
public sealed class TargetsModule : IModule
{
    public string Name => "targets";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CoverageSettings>().Bind(configuration.GetSection("Targets"));
        services.AddScoped<CoverageFeedReader>(sp => new CoverageFeedReader(
            sp.GetRequiredService<BaoPhu.Units.Contracts.IUnitDirectory>(), IndicatorCatalog.Standard, sp.GetRequiredService<Platform.Persistence.UnitScope>()));
        services.AddScoped<RollupRefresher>();
        services.AddScoped<ImportCoverageHandler>();
        services.AddScoped<ICoverageImports>(sp => sp.GetRequiredService<ImportCoverageHandler>());
        services.AddScoped<TargetWorkflow>();
        services.AddScoped<ITargetWorkflow>(sp => sp.GetRequiredService<TargetWorkflow>());
        services.AddScoped<CoverageQueries>();
        services.AddScoped<ICoverageReader>(sp => sp.GetRequiredService<CoverageQueries>());
        services.AddScoped<TargetBoard>();
        services.AddScoped<ICoverageSummaries, CoverageSummaries>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder) => TargetsModel.Configure(modelBuilder);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => TargetsEndpoints.Map(endpoints);
}
