using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Data;
using BaoPhu.Compliance.ExportLists;
using BaoPhu.Compliance.RankEmployers;
using BaoPhu.Compliance.ReviewArrears;
using BaoPhu.Compliance.ReviewFindings;
using BaoPhu.Compliance.RunCrossCheck;
using BaoPhu.Compliance.ShowResults;
using BaoPhu.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Compliance;

/// <summary>
/// Cross-checking of tax, business-registry and insurance data into findings with their evidence;
/// their review, risk, inspections and cases.
/// </summary>
public sealed class ComplianceModule : IModule
{
    public string Name => "compliance";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CrossCheck>();
        services.AddScoped<ICrossCheck>(sp => sp.GetRequiredService<CrossCheck>());
        services.AddScoped<FindingReview>();
        services.AddScoped<FindingQueries>();
        services.AddScoped<FindingTallies>();
        services.AddScoped<EmployerRisks>();
        services.AddScoped<ArrearsReview>();
        services.AddScoped<ComplianceLists>();
        services.AddScoped<IDashboardCardSource, ComplianceCards>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder) => ComplianceModel.Configure(modelBuilder);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ComplianceEndpoints.Map(endpoints);
        RiskEndpoints.Map(endpoints);
        ArrearsEndpoints.Map(endpoints);
        ListEndpoints.Map(endpoints);
    }
}
