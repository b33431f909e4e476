using System.Diagnostics;
using System.Globalization;
using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sylvan.Data.Csv;

namespace BaoPhu.Bench;

/// <summary>
/// What the feed import is compared with: the engine's own bulk loader putting the same file into a
/// table with the file's columns and nothing else. PostgreSQL: <c>psql \copy … CSV HEADER</c>, timed as
/// a process. SQLite: the least loader in this kind of process, reading the CSV with Sylvan (as the
/// application does) and inserting by one prepared INSERT in one transaction (WAL, like a migrated file).
/// </summary>
internal static class FeedBaselineRun
{
    private const string Table = "bare_tax_employee";

    /// <summary>The canonical columns of the file, typed as the feed's stored columns are.</summary>
    private static readonly (string Name, string PostgresType)[] Columns =
    [
        ("period", "text"), ("employer_tax_code", "text"), ("person_id", "text"), ("full_name", "text"), ("birth_date", "date"), ("gross_income", "bigint"),
    ];

    public static async Task<FeedBaselineMeasurement> MeasureAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var file = options.File ?? throw new BenchUsageException("--file is required for a feed-baseline run.");
        await using var database = await FreshDatabase.CreateAsync(options.Provider, options.Connection, cancellationToken);
        var sqlite = options.Provider == DatabaseProvider.Sqlite;
        await CreateTableAsync(database.Options, sqlite, cancellationToken);

        var watch = Stopwatch.StartNew();
        var rows = sqlite
            ? await InsertAsync(database.Options, file, cancellationToken)
            : await CopyAsync(database.Options, file, cancellationToken);
        return new FeedBaselineMeasurement(watch.Elapsed, sqlite ? ProcessMemory.PeakRssBytes() : null, rows);
    }

    private static async Task CreateTableAsync(DatabaseOptions database, bool sqlite, CancellationToken cancellationToken)
    {
        await using System.Data.Common.DbConnection connection = sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // SQLite: TEXT and INTEGER as the SQLite migrations declare these types.
        command.CommandText = (sqlite ? "PRAGMA journal_mode=WAL; " : "") +
            $"CREATE TABLE {Table} ({string.Join(", ", Columns.Select(c => $"{c.Name} {(sqlite ? (c.PostgresType == "bigint" ? "INTEGER" : "TEXT") : c.PostgresType)}"))});";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary><c>psql \copy</c>: psql reads the file and streams it to the server as text COPY.</summary>
    private static async Task<long> CopyAsync(DatabaseOptions database, string file, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo { FileName = Psql(), RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--no-psqlrc");
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add("ON_ERROR_STOP=1");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"\\copy {Table} FROM '{file.Replace("'", "''", StringComparison.Ordinal)}' CSV HEADER");
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;
        using var process = Process.Start(start) ?? throw new BenchFailedException("Could not start psql.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        // "COPY 1048576"
        return process.ExitCode == 0 && output.Trim().Split(' ') is ["COPY", var count]
            ? long.Parse(count, CultureInfo.InvariantCulture)
            : throw new BenchFailedException($"psql \\copy failed (exit code {process.ExitCode}): {output}");
    }

    /// <summary>psql from the PATH, else from the PostgreSQL server's own folder.</summary>
    private static string Psql()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "psql"))
            .FirstOrDefault(File.Exists);
        return onPath ?? Directory.EnumerateFiles("/usr/lib/postgresql", "psql", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new BenchFailedException("psql not found (install postgresql-client).");
    }

    private static async Task<long> InsertAsync(DatabaseOptions database, string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Table} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c.Name))})";
        var parameters = Columns.Select(c => command.Parameters.Add("$" + c.Name, c.PostgresType == "bigint" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        command.Prepare();

        using var text = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        await using var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 64 * 1024 }, cancellationToken);
        var ordinals = Columns.Select(c => csv.GetOrdinal(c.Name)).ToArray();
        var income = Array.FindIndex(Columns, c => c.PostgresType == "bigint");
        long rows = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var field = csv.GetFieldSpan(ordinals[i]);
                parameters[i].Value = field.IsEmpty ? DBNull.Value
                    : i == income ? long.Parse(field, CultureInfo.InvariantCulture)
                    : csv.GetString(ordinals[i]);
            }

            rows += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
