using System.Data.Common;
using System.Globalization;
using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaoPhu.Bench;

/// <summary>Plain ADO.NET on a prepared database, for what the bench itself does around the measured work.</summary>
internal static class BenchSql
{
    public static async Task<DbConnection> OpenAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs each statement in turn, without a time limit.</summary>
    public static async Task ExecuteAsync(DatabaseOptions database, CancellationToken cancellationToken, params string[] statements)
    {
        await using var connection = await OpenAsync(database, cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes out what earlier statements left in the log (SQLite's WAL, PostgreSQL's dirty buffers), so
    /// that a measured statement pays for its own writes only, not for those of the bench's preparations.
    /// </summary>
    public static Task CheckpointAsync(DatabaseOptions database, CancellationToken cancellationToken) =>
        ExecuteAsync(database, cancellationToken, database.Provider == DatabaseProvider.Sqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "CHECKPOINT");

    public static async Task<long> ScalarAsync(DatabaseOptions database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(database, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static Task<long> CountAsync(DatabaseOptions database, string table, CancellationToken cancellationToken) =>
        ScalarAsync(database, $"SELECT COUNT(*) FROM {table}", cancellationToken);
}
