using BaoPhu.Database;
using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BaoPhu.Testing;

/// <summary>
/// A fresh, migrated database on a real engine: a temporary SQLite file, or a new database on the
/// PostgreSQL server that scripts/test.sh starts (<c>BAOPHU_TEST_POSTGRES</c>). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BAOPHU_TEST_POSTGRES";

    private readonly string? adminConnectionString;
    private readonly string databaseName;

    private TestDatabase(
        DatabaseProvider provider, string connectionString, string databaseName, string? adminConnectionString, IReadOnlyDictionary<string, string?>? settings)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.databaseName = databaseName;
        this.adminConnectionString = adminConnectionString;
        Configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:BaoPhu"] = connectionString,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        Services = new ServiceCollection().AddLogging().AddBaoPhu(Configuration).BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The configuration a host would get for this database.</summary>
    public IConfiguration Configuration { get; }

    public ServiceProvider Services { get; }

    /// <param name="settings">Configuration a test needs beyond the database (e.g. a lower limit).</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var name = "baophu_test_" + Guid.NewGuid().ToString("N")[..12];
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "baophu-tests");
            Directory.CreateDirectory(folder);
            database = new TestDatabase(provider, $"Data Source={Path.Combine(folder, name + ".db")}", name, null, settings);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set: run the tests through scripts/test.sh, which starts a PostgreSQL server for them.");
            }

            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(provider, builder.ConnectionString, name, admin, settings);
        }

        if (migrate)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await DatabaseRegistration.MigrateAsync(
            scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>(), scope.ServiceProvider.GetRequiredService<DatabaseOptions>(), CancellationToken.None);
    }

    /// <summary>Runs work in its own service scope, as one request or command would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
