using System.Data.Common;
using System.Linq.Expressions;
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
        var write = CopyWriters<T>.For(columns);
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);

        // Synchronous writes: the importer buffers, and an await per value would cost more than the value.
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
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

    /// <summary>
    /// A compiled writer of a row's columns into a binary COPY, typed end to end: no boxing, no
    /// per-value type lookup, which is most of the cost of a naive loop over a million rows.
    /// </summary>
    private static class CopyWriters<T>
        where T : class
    {
        private static Action<NpgsqlBinaryImporter, T>? cached;

        public static Action<NpgsqlBinaryImporter, T> For(IReadOnlyList<Column> columns) => cached ??= Compile(columns);

        private static Action<NpgsqlBinaryImporter, T> Compile(IReadOnlyList<Column> columns)
        {
            var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
            var row = Expression.Parameter(typeof(T), "row");
            var writeNull = Expression.Call(importer, typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull))!);
            var body = columns.Select(column => WriteColumn(column, importer, row, writeNull)).ToList();
            return Expression.Lambda<Action<NpgsqlBinaryImporter, T>>(Expression.Block(body), importer, row).Compile();
        }

        private static Expression WriteColumn(Column column, ParameterExpression importer, ParameterExpression row, Expression writeNull)
        {
            var member = column.Property.PropertyInfo
                ?? throw new NotSupportedException($"{typeof(T).Name}.{column.Property.Name} is not a CLR property.");
            Expression value = Expression.Property(row, member);
            var underlying = Nullable.GetUnderlyingType(value.Type);
            var hasValue = underlying is not null
                ? Expression.Property(value, "HasValue")
                : value.Type.IsValueType ? null : (Expression)Expression.NotEqual(value, Expression.Constant(null, value.Type));
            if (underlying is not null)
            {
                value = Expression.Property(value, "Value");
            }

            if (column.Mapping.Converter is { } converter)
            {
                var convert = converter.ConvertToProviderExpression;
                value = Expression.Invoke(convert, Expression.Convert(value, convert.Parameters[0].Type));
            }

            var providerType = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
            value = Expression.Convert(value, providerType);
            // Npgsql-specific mappings name their type; the rest (Guid, bool…) have one natural type.
            var write = column.Mapping is Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping.INpgsqlTypeMapping mapping
                ? Expression.Call(importer, WriteMethod(typed: true).MakeGenericMethod(providerType), value, Expression.Constant(mapping.NpgsqlDbType))
                : Expression.Call(importer, WriteMethod(typed: false).MakeGenericMethod(providerType), value);
            return hasValue is null ? write : Expression.IfThenElse(hasValue, write, writeNull);
        }
    }

    private static System.Reflection.MethodInfo WriteMethod(bool typed) =>
        typeof(NpgsqlBinaryImporter).GetMethods().Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethod && (typed
            ? m.GetParameters() is [_, { ParameterType: var p }] && p == typeof(NpgsqlTypes.NpgsqlDbType)
            : m.GetParameters().Length == 1));

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
