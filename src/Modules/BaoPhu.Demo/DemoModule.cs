using BaoPhu.Demo.SeedDemo;
using BaoPhu.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Demo;

/// <summary>
/// The demo province: made by the project's own generator, offline, under a code outside the real
/// range, and imported through the same importers as real data. It owns no tables.
/// </summary>
public sealed class DemoModule : IModule
{
    public string Name => "demo";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<DemoSeeder>();

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
