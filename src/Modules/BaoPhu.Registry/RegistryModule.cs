using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Modules;
using BaoPhu.Registry.BrowseRegistry;
using BaoPhu.Registry.CountActuals;
using BaoPhu.Registry.Data;
using BaoPhu.Registry.Feeds;
using BaoPhu.Registry.RefreshReadModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Registry;

/// <summary>Employers, workers, employment, participation and contribution history, from the agencies' feeds.</summary>
public sealed class RegistryModule : IModule
{
    public string Name => "registry";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FeedDefinition, BusinessRegistryFeed>();
        services.AddSingleton<FeedDefinition, SiEmployersFeed>();
        services.AddSingleton<FeedDefinition, SiParticipantsFeed>();
        services.AddSingleton<FeedDefinition, SiContributionsFeed>();
        services.AddSingleton<FeedDefinition, TaxEmployeesFeed>();
        services.AddSingleton<FeedDefinition, TaxPayrollFeed>();
        services.AddSingleton<FeedDefinition, LabourStatisticsFeed>();
        services.AddSingleton<FeedDefinition, BenefitRecipientsFeed>();
        services.AddScoped<IFeedCommitted, RegistryActuals>();
        services.AddScoped<IFeedCommitted, RegistryReadModels>();
        services.AddScoped<RegistryQueries>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder) => RegistryModel.Configure(modelBuilder);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => RegistryEndpoints.Map(endpoints);
}
