using BaoPhu.Platform.Modules;
using BaoPhu.Platform.Persistence;
using BaoPhu.Units.BrowseUnits;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Data;
using BaoPhu.Units.ImportReorganisation;
using BaoPhu.Units.ImportUnitList;
using BaoPhu.Units.Scope;
using BaoPhu.Units.SetLinkShare;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Units;

/// <summary>Administrative units, their versions over time, the 2025 lineage, and users' unit scope.</summary>
public sealed class UnitsModule : IModule
{
    public string Name => "units";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ImportUnitListHandler>();
        services.AddScoped<ImportMergerHandler>();
        services.AddScoped<IUnitImports, UnitImports>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<IUnitLineage, UnitLineage>();
        services.AddScoped<IUnitScopeSource, UnitScopeSource>();
        services.AddScoped<UnitBrowser>();
        services.AddScoped<SetLinkShareHandler>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder) => UnitsModel.Configure(modelBuilder);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => UnitsEndpoints.Map(endpoints);
}

internal sealed class UnitImports(ImportUnitListHandler unitList, ImportMergerHandler merger) : IUnitImports
{
    public Task<UnitImportResult> ImportUnitListAsync(string file, DateOnly on, CancellationToken cancellationToken) =>
        unitList.HandleAsync(file, on, cancellationToken);

    public Task<UnitImportResult> ImportMergerAsync(string mergesFile, string provincesFile, DateOnly on, CancellationToken cancellationToken) =>
        merger.HandleAsync(mergesFile, provincesFile, on, cancellationToken);
}
