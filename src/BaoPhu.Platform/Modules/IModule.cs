using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Platform.Modules;

/// <summary>
/// What a module hands to the hosts: its services and its part of the one database model.
/// Hosts compose modules explicitly; nothing is discovered by scanning.
/// </summary>
public interface IModule
{
    /// <summary>Short lower-case name; also the prefix of the module's tables (<c>units_unit</c>).</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>The module's HTTP API and form endpoints, in the web host only.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
