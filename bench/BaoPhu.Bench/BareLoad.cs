using System.Data.Common;
using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace BaoPhu.Bench;

/// <summary>
/// The floor for writing the import's result: the same rows into tables with the same columns but
/// no keys, indexes or constraints, by each engine's bulk path (DESIGN.md, Data): a prepared INSERT
/// in one transaction on SQLite, binary COPY on PostgreSQL.
/// </summary>
internal static class BareLoad
{
    private static readonly BareTable<UnitRow> Units = new("bare_unit",
    [
        new("id", "uuid", NpgsqlDbType.Uuid, false),
        new("code", "varchar(12)", NpgsqlDbType.Varchar, false),
        new("name", "varchar(200)", NpgsqlDbType.Varchar, false),
        new("type_name", "varchar(60)", NpgsqlDbType.Varchar, false),
        new("level", "varchar(12)", NpgsqlDbType.Varchar, false),
        new("parent_id", "uuid", NpgsqlDbType.Uuid, true),
        new("path", "varchar(120)", NpgsqlDbType.Varchar, false),
        new("valid_from", "date", NpgsqlDbType.Date, true),
        new("valid_to", "date", NpgsqlDbType.Date, true),
        new("search_text", "varchar(200)", NpgsqlDbType.Varchar, false),
    ], u => [u.Id, u.Code, u.Name, u.TypeName, u.Level, u.ParentId, u.Path, u.ValidFrom, u.ValidTo, u.SearchText]);

    private static readonly BareTable<LinkRow> Links = new("bare_lineage_link",
    [
        new("id", "uuid", NpgsqlDbType.Uuid, false),
        new("from_unit_id", "uuid", NpgsqlDbType.Uuid, false),
        new("to_unit_id", "uuid", NpgsqlDbType.Uuid, false),
        new("kind", "varchar(12)", NpgsqlDbType.Varchar, false),
        new("effective_on", "date", NpgsqlDbType.Date, false),
        new("forward_share", "numeric(9,8)", NpgsqlDbType.Numeric, true),
        new("backward_share", "numeric(9,8)", NpgsqlDbType.Numeric, true),
    ], l => [l.Id, l.FromUnitId, l.ToUnitId, l.Kind, l.EffectiveOn, null, null]);

    public static async Task CreateTablesAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(database, cancellationToken);
        var sqlite = connection is SqliteConnection;
        if (sqlite)
        {
            // The migrated database is in WAL mode (DatabaseRegistration.MigrateAsync); the baseline writes the same way.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ExecuteAsync(connection, Units.CreateSql(sqlite) + Links.CreateSql(sqlite), cancellationToken);
    }

    public static async Task LoadAsync(DatabaseOptions database, NationalUnitRows rows, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(database, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (transaction is SqliteTransaction sqlite)
        {
            await InsertAsync(sqlite, Units, rows.Units, cancellationToken);
            await InsertAsync(sqlite, Links, rows.Links, cancellationToken);
        }
        else
        {
            var postgres = (NpgsqlConnection)connection;
            await CopyAsync(postgres, Units, rows.Units, cancellationToken);
            await CopyAsync(postgres, Links, rows.Links, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<DbConnection> OpenAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task InsertAsync<T>(SqliteTransaction transaction, BareTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select(c => "$" + c.Name))})";
        // Text for every column, as EF Core's SQLite mapping stores Guid, DateOnly and decimal.
        var parameters = table.Columns.Select(c => command.Parameters.Add("$" + c.Name, SqliteType.Text)).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            var values = table.Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, BareTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            var values = table.Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value)
                {
                    await writer.WriteAsync(value, table.Columns[i].NpgsqlType, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record BareColumn(string Name, string PostgresType, NpgsqlDbType NpgsqlType, bool Nullable);

    /// <param name="Values">A row's values in column order.</param>
    private sealed record BareTable<T>(string Name, IReadOnlyList<BareColumn> Columns, Func<T, object?[]> Values)
    {
        public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

        /// <summary>SQLite declares every column TEXT, as the SQLite migrations do for these types.</summary>
        public string CreateSql(bool sqlite) =>
            $"CREATE TABLE {Name} ({string.Join(", ", Columns.Select(c => $"{c.Name} {(sqlite ? "TEXT" : c.PostgresType)}{(c.Nullable ? "" : " NOT NULL")}"))});";
    }
}
