using System.Buffers.Binary;
using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

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
        if (CopyEncoders<T>.For(columns) is { } encode)
        {
            return await CopyRawAsync(connection, copy, columns.Count, encode, rows, cancellationToken);
        }

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

    /// <summary>
    /// The binary COPY stream written directly: each value encoded into one buffer by a compiled
    /// encoder, where <see cref="NpgsqlBinaryImporter"/> binds a parameter for every value, which on a
    /// narrow row cost more than the server's work. Same wire format, so the same rows.
    /// </summary>
    private static async Task<long> CopyRawAsync<T>(
        NpgsqlConnection connection, string copy, int columnCount, Action<CopyBuffer, T> encode, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken);
        long written = 0;
        try
        {
            var buffer = new CopyBuffer(stream);
            buffer.Header();
            foreach (var row in rows)
            {
                if ((written & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                buffer.Row((short)columnCount);
                encode(buffer, row);
                buffer.FlushIfFull();
                written++;
            }

            buffer.Trailer();
            buffer.Flush();
        }
        catch
        {
            // Whatever was sent is discarded; the caller's transaction is rolled back anyway.
            await stream.CancelAsync();
            await stream.DisposeAsync();
            throw;
        }

        // Ends the COPY and raises the server's error, if any.
        await stream.DisposeAsync();
        return written;
    }

    /// <summary>
    /// A compiled encoder of a row's columns into PostgreSQL's binary COPY format, for rows whose
    /// provider values are all text, integers, bool, uuid or date; null for any other shape, which
    /// takes the <see cref="NpgsqlBinaryImporter"/> path.
    /// </summary>
    private static class CopyEncoders<T>
        where T : class
    {
        private static Action<CopyBuffer, T>? cached;
        private static bool compiled;

        public static Action<CopyBuffer, T>? For(IReadOnlyList<Column> columns)
        {
            if (!compiled)
            {
                cached = Compile(columns);
                compiled = true;
            }

            return cached;
        }

        private static Action<CopyBuffer, T>? Compile(IReadOnlyList<Column> columns)
        {
            var buffer = Expression.Parameter(typeof(CopyBuffer), "buffer");
            var row = Expression.Parameter(typeof(T), "row");
            var body = new List<Expression>();
            foreach (var column in columns)
            {
                var store = column.Mapping.StoreTypeNameBase;
                if (ProviderValue(column, row) is not ({ } value, var hasValue))
                {
                    return null;
                }

                var method = value.Type switch
                {
                    var t when t == typeof(string) && store is "text" or "character varying" => nameof(CopyBuffer.Text),
                    var t when t == typeof(Guid) && store == "uuid" => nameof(CopyBuffer.Uuid),
                    var t when t == typeof(DateOnly) && store == "date" => nameof(CopyBuffer.Date),
                    var t when t == typeof(long) && store == "bigint" => nameof(CopyBuffer.Int64),
                    var t when t == typeof(int) && store == "integer" => nameof(CopyBuffer.Int32),
                    var t when t == typeof(short) && store == "smallint" => nameof(CopyBuffer.Int16),
                    var t when t == typeof(bool) && store == "boolean" => nameof(CopyBuffer.Boolean),
                    _ => null,
                };
                if (method is null)
                {
                    return null;
                }

                var write = Expression.Call(buffer, typeof(CopyBuffer).GetMethod(method)!, value);
                body.Add(hasValue is null ? write : Expression.IfThenElse(hasValue, write, Expression.Call(buffer, typeof(CopyBuffer).GetMethod(nameof(CopyBuffer.Null))!)));
            }

            return Expression.Lambda<Action<CopyBuffer, T>>(Expression.Block(body), buffer, row).Compile();
        }
    }

    /// <summary>
    /// The property's value as the provider stores it (after the mapping's converter), with the test
    /// for null when it can be null; null when the converter gives a nullable value.
    /// </summary>
    private static (Expression Value, Expression? HasValue)? ProviderValue(Column column, ParameterExpression row)
    {
        if (column.Property.PropertyInfo is not { } member)
        {
            return null;
        }

        Expression value = Expression.Property(row, member);
        var nullable = Nullable.GetUnderlyingType(value.Type) is not null;
        var hasValue = nullable
            ? Expression.Property(value, "HasValue")
            : value.Type.IsValueType ? null : (Expression)Expression.NotEqual(value, Expression.Constant(null, value.Type));
        if (nullable)
        {
            value = Expression.Property(value, "Value");
        }

        if (column.Mapping.Converter is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            value = Expression.Invoke(convert, Expression.Convert(value, convert.Parameters[0].Type));
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                return null;
            }
        }

        return (value, hasValue);
    }

    /// <summary>
    /// Rows in PostgreSQL's binary COPY format (big-endian; a field is its length, -1 for NULL, then its
    /// bytes), gathered in one buffer and sent to the COPY stream in large writes.
    /// </summary>
    private sealed class CopyBuffer(Stream stream)
    {
        private const int FlushAt = 60 * 1024;

        /// <summary>Days from 0001-01-01 to PostgreSQL's date epoch, 2000-01-01.</summary>
        private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

        private byte[] bytes = new byte[64 * 1024];
        private int length;

        public void Header()
        {
            // "PGCOPY\n\xff\r\n\0", flags, header extension length.
            ReadOnlySpan<byte> signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
            signature.CopyTo(Room(signature.Length + 8));
            length += signature.Length;
            BinaryPrimitives.WriteInt32BigEndian(Room(4), 0);
            length += 4;
            BinaryPrimitives.WriteInt32BigEndian(Room(4), 0);
            length += 4;
        }

        public void Row(short fields)
        {
            BinaryPrimitives.WriteInt16BigEndian(Room(2), fields);
            length += 2;
        }

        public void Trailer() => Row(-1);

        public void Null()
        {
            BinaryPrimitives.WriteInt32BigEndian(Room(4), -1);
            length += 4;
        }

        public void Text(string value)
        {
            var room = Room(4 + System.Text.Encoding.UTF8.GetMaxByteCount(value.Length));
            var count = System.Text.Encoding.UTF8.GetBytes(value, room[4..]);
            BinaryPrimitives.WriteInt32BigEndian(room, count);
            length += 4 + count;
        }

        public void Uuid(Guid value)
        {
            var room = Room(20);
            BinaryPrimitives.WriteInt32BigEndian(room, 16);
            value.TryWriteBytes(room[4..], bigEndian: true, out _);
            length += 20;
        }

        /// <summary>As Npgsql writes a DateOnly: its minimum and maximum are -infinity and infinity.</summary>
        public void Date(DateOnly value) => Int32(value == DateOnly.MinValue ? int.MinValue : value == DateOnly.MaxValue ? int.MaxValue : value.DayNumber - Epoch);

        public void Int64(long value)
        {
            var room = Room(12);
            BinaryPrimitives.WriteInt32BigEndian(room, 8);
            BinaryPrimitives.WriteInt64BigEndian(room[4..], value);
            length += 12;
        }

        public void Int32(int value)
        {
            var room = Room(8);
            BinaryPrimitives.WriteInt32BigEndian(room, 4);
            BinaryPrimitives.WriteInt32BigEndian(room[4..], value);
            length += 8;
        }

        public void Int16(short value)
        {
            var room = Room(6);
            BinaryPrimitives.WriteInt32BigEndian(room, 2);
            BinaryPrimitives.WriteInt16BigEndian(room[4..], value);
            length += 6;
        }

        public void Boolean(bool value)
        {
            var room = Room(5);
            BinaryPrimitives.WriteInt32BigEndian(room, 1);
            room[4] = value ? (byte)1 : (byte)0;
            length += 5;
        }

        public void FlushIfFull()
        {
            if (length >= FlushAt)
            {
                Flush();
            }
        }

        public void Flush()
        {
            stream.Write(bytes, 0, length);
            length = 0;
        }

        /// <summary>Space for at least <paramref name="size"/> more bytes at the end (a long text grows the buffer).</summary>
        private Span<byte> Room(int size)
        {
            if (length + size > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + size));
            }

            return bytes.AsSpan(length);
        }
    }

    private static async Task<long> InsertAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, string table, IReadOnlyList<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        if (SqliteBinders<T>.For(columns) is { } bind)
        {
            return InsertRaw(connection, sql, bind, rows, cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
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
    /// The prepared INSERT driven through SQLite's own API on the connection's handle (so inside its
    /// transaction): values bound by position and typed, where Microsoft.Data.Sqlite looks every
    /// parameter up by name, boxes it and builds a data reader on each execution, which cost more than
    /// SQLite's own work for a narrow row.
    /// </summary>
    private static long InsertRaw<T>(SqliteConnection connection, string sql, Action<sqlite3_stmt, T> bind, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var db = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            long written = 0;
            foreach (var row in rows)
            {
                if ((written & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                bind(statement, row);
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(statement);
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                raw.sqlite3_reset(statement);
                written++;
            }

            return written;
        }
    }

    /// <summary>
    /// A compiled binder of a row's columns to the INSERT's positions, for rows whose provider values
    /// are all text, integers, Guid or DateOnly stored as SQLite's EF Core mapping stores them (TEXT or
    /// INTEGER); null for any other shape, which takes the Microsoft.Data.Sqlite path.
    /// </summary>
    private static class SqliteBinders<T>
        where T : class
    {
        private static Action<sqlite3_stmt, T>? cached;
        private static bool compiled;

        public static Action<sqlite3_stmt, T>? For(IReadOnlyList<Column> columns)
        {
            if (!compiled)
            {
                cached = Compile(columns);
                compiled = true;
            }

            return cached;
        }

        private static Action<sqlite3_stmt, T>? Compile(IReadOnlyList<Column> columns)
        {
            var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
            var row = Expression.Parameter(typeof(T), "row");
            var body = new List<Expression>();
            for (var i = 0; i < columns.Count; i++)
            {
                if (BindColumn(columns[i], i + 1, statement, row) is not { } bind)
                {
                    return null;
                }

                body.Add(bind);
            }

            return Expression.Lambda<Action<sqlite3_stmt, T>>(Expression.Block(body), statement, row).Compile();
        }

        private static Expression? BindColumn(Column column, int index, ParameterExpression statement, ParameterExpression row)
        {
            if (ProviderValue(column, row) is not ({ } value, var hasValue))
            {
                return null;
            }

            var store = column.Mapping.StoreType;
            var method = value.Type switch
            {
                var t when t == typeof(string) && store == "TEXT" => nameof(SqliteBind.Text),
                var t when t == typeof(Guid) && store == "TEXT" => nameof(SqliteBind.Guid),
                var t when t == typeof(DateOnly) && store == "TEXT" => nameof(SqliteBind.Date),
                var t when (t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte)) && store == "INTEGER" => nameof(SqliteBind.Integer),
                var t when t == typeof(bool) && store == "INTEGER" => nameof(SqliteBind.Flag),
                _ => null,
            };
            if (method is null)
            {
                return null;
            }

            var target = typeof(SqliteBind).GetMethod(method)!;
            var argument = target.GetParameters()[2].ParameterType;
            var bind = Expression.Call(target, statement, Expression.Constant(index), value.Type == argument ? value : Expression.Convert(value, argument));
            var bindNull = Expression.Call(typeof(SqliteBind).GetMethod(nameof(SqliteBind.Null))!, statement, Expression.Constant(index));
            return hasValue is null ? bind : Expression.IfThenElse(hasValue, bind, bindNull);
        }
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

    /// <summary>
    /// Values bound as Microsoft.Data.Sqlite binds them for EF Core's SQLite mappings, so rows read and
    /// compare the same: Guid as upper-case text, DateOnly as yyyy-MM-dd, bool and integers as INTEGER.
    /// </summary>
    private static class SqliteBind
    {
        public static void Text(sqlite3_stmt statement, int index, string value)
        {
            // UTF-8, the database's encoding, so SQLite keeps the bytes as they are.
            var size = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
            var utf8 = size <= 1024 ? stackalloc byte[size] : new byte[size];
            var length = System.Text.Encoding.UTF8.GetBytes(value, utf8);
            Check(raw.sqlite3_bind_text(statement, index, utf8[..length]), statement);
        }

        public static void Guid(sqlite3_stmt statement, int index, Guid value)
        {
            Span<byte> utf8 = stackalloc byte[36];
            value.TryFormat(utf8, out _, "D");
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] is >= (byte)'a' and <= (byte)'f')
                {
                    utf8[i] -= 'a' - 'A';
                }
            }

            Check(raw.sqlite3_bind_text(statement, index, utf8), statement);
        }

        public static void Date(sqlite3_stmt statement, int index, DateOnly value)
        {
            Span<byte> utf8 = stackalloc byte[10];
            value.TryFormat(utf8, out _, "yyyy\\-MM\\-dd", System.Globalization.CultureInfo.InvariantCulture);
            Check(raw.sqlite3_bind_text(statement, index, utf8), statement);
        }

        public static void Integer(sqlite3_stmt statement, int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value), statement);

        public static void Flag(sqlite3_stmt statement, int index, bool value) => Check(raw.sqlite3_bind_int64(statement, index, value ? 1 : 0), statement);

        public static void Null(sqlite3_stmt statement, int index) => Check(raw.sqlite3_bind_null(statement, index), statement);

        private static void Check(int rc, sqlite3_stmt statement)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(statement));
            }
        }
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
