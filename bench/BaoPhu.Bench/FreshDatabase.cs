using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaoPhu.Bench;

/// <summary>
/// An empty database of one run's own, removed afterwards, so that no run finds another's rows,
/// statistics or file growth: a new SQLite file in the temporary folder, or a new PostgreSQL database.
/// </summary>
internal sealed class FreshDatabase : IAsyncDisposable
{
    private readonly string? adminConnection;
    private readonly string name;

    private FreshDatabase(DatabaseOptions options, string name, string? adminConnection)
    {
        Options = options;
        this.name = name;
        this.adminConnection = adminConnection;
    }

    /// <summary>Provider and connection string, as a host would be configured for this database.</summary>
    public DatabaseOptions Options { get; }

    public static async Task<FreshDatabase> CreateAsync(DatabaseProvider provider, string? adminConnection, CancellationToken cancellationToken)
    {
        var name = "baophu_bench_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new FreshDatabase(new DatabaseOptions(provider, new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString), name, null);
        }

        await ExecuteAsync(adminConnection!, $"CREATE DATABASE {name}", cancellationToken);
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
        return new FreshDatabase(new DatabaseOptions(provider, connection), name, adminConnection);
    }

    /// <summary>The engine and its version, for the report.</summary>
    public static async Task<string> DescribeEngineAsync(DatabaseProvider provider, string? adminConnection, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection("Data Source=:memory:");
            await sqlite.OpenAsync(cancellationToken);
            return $"SQLite {sqlite.ServerVersion}";
        }

        await using var postgres = new NpgsqlConnection(adminConnection);
        await postgres.OpenAsync(cancellationToken);
        return $"PostgreSQL {postgres.ServerVersion}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(adminConnection!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
