using BaoPhu.Database;
using BaoPhu.Platform.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Bench;

/// <summary>The application's own services on one database, composed as the command line composes them.</summary>
internal static class AppServices
{
    public static ServiceProvider Compose(DatabaseOptions database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:BaoPhu"] = database.ConnectionString,
            })
            .Build();
        return new ServiceCollection().AddBaoPhu(configuration).BuildServiceProvider();
    }

    /// <summary>Composed and migrated: migrations are paid once per database, not per import, and are never timed.</summary>
    public static async Task<ServiceProvider> MigratedAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        var services = Compose(database);
        await using var scope = services.CreateAsyncScope();
        await DatabaseRegistration.MigrateAsync(
            scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>(), scope.ServiceProvider.GetRequiredService<DatabaseOptions>(), cancellationToken);
        return services;
    }
}
