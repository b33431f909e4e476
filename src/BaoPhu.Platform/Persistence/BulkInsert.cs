using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// Writes many rows of a mapped entity type without change tracking, by the fastest path of each
/// engine: binary <c>COPY</c> on PostgreSQL, one prepared <c>INSERT</c> on SQLite. Columns, value
/// converters and provider types come from the EF model, so the rows read back exactly as if EF had
/// written them. Runs inside the context's current transaction when there is one.
/// </summary>
public static class BulkInsert
{
    public static async Task<long> WriteAsync<T>(DbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return connection switch
        {
            NpgsqlConnection npgsql => await CopyAsync(npgsql, table.Name, columns, rows, cancellationToken),
            SqliteConnection sqlite => await InsertAsync(sqlite, (SqliteTransaction?)transaction, table.Name, columns, rows, cancellationToken),
            _ => throw new NotSupportedException($"No bulk path for {connection.GetType().Name}."),
        };
    }

    private static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string table, IReadOnlyList<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.ProviderValue(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else if (column.Mapping is Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping.INpgsqlTypeMapping { NpgsqlDbType: var dbType })
                {
                    await importer.WriteAsync(value, dbType, cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<long> InsertAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, string table, IReadOnlyList<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((c, i) => (DbParameter)c.Mapping.CreateParameter(command, $"$p{i}", null, c.Property.IsNullable)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(cancellationToken);
        long written = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object row)
        {
            var value = Property.GetGetter().GetClrValueUsingContainingEntity(row);
            var converter = Mapping.Converter;
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
