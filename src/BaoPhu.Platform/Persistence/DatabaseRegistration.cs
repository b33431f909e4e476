using BaoPhu.Platform.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Platform.Persistence;

public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "BaoPhu.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "BaoPhu.Migrations.Postgres";

    /// <summary>Registers the context for the configured provider, with scope filtering and auditing.</summary>
    public static IServiceCollection AddBaoPhuDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped<UnitScope>();
        services.AddScoped<AuditBatch>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<AuditLog>();
        services.AddDbContext<BaoPhuDbContext>((provider, builder) =>
        {
            UseProvider(builder, options);
            builder.AddInterceptors(provider.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {options.Provider}.");
        }

        return builder.UseSnakeCaseNamingConvention();
    }

    /// <summary>Creates the SQLite file's folder, applies pending migrations, and sets per-file pragmas.</summary>
    public static async Task MigrateAsync(BaoPhuDbContext db, DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the web host read while an import writes; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
