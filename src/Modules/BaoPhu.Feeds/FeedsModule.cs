using BaoPhu.Feeds.BrowseIntakes;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Feeds.Data;
using BaoPhu.Feeds.ImportFeed;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Feeds;

/// <summary>
/// Intake of the agencies' files for every feed of FEEDS.md: staging, validation, dry run, commit,
/// replacement of re-sent files, column mappings, error reports. The feeds themselves (columns,
/// rows, tables) belong to the modules that own the data.
/// </summary>
public sealed class FeedsModule : IModule
{
    public string Name => "feeds";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedSettings>().Bind(configuration.GetSection("Feeds"));
        services.AddScoped<FeedImporter>();
        services.AddScoped<IFeedImports>(sp => sp.GetRequiredService<FeedImporter>());
        services.AddScoped<IntakeQueries>();
        services.AddJobHandler<FeedImportJob>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder) => FeedsModel.Configure(modelBuilder);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => FeedsEndpoints.Map(endpoints);
}
