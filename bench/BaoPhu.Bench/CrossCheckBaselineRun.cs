using System.Data.Common;
using System.Diagnostics;
using BaoPhu.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaoPhu.Bench;

/// <summary>
/// What the cross-check's headcount gap is compared with: one hand-written <c>INSERT … SELECT</c> on the
/// same tables and engine, writing the same rows (employer, person, period and the evidence: intake and
/// row) into a plain table, with no index the application does not have. The shapes differ only in how
/// they test "no compulsory SI row of that person in the month": over the two feed tables, or over the
/// registry's month of tax and SI merged per employer and person (<c>registry_employment</c>), which the
/// cross-check reads; the bench tries each and keeps the fastest. A row without a usable ID is left to
/// the same lookup as the cross-check's (<see cref="Names"/>), so that the shapes are raced on what they
/// differ in: the test of the rows that carry an ID. On SQLite it has the page cache of the application's
/// long work.
/// </summary>
internal static class CrossCheckBaselineRun
{
    private const string Table = "bench_headcount_gap";

    /// <summary>The person a row names: its ID, else the one worker of its name and birth date.</summary>
    private const string Person = "COALESCE(t.person_id, w.person_id)";

    /// <summary>The ID a row carries, the one the anti-join tests; a row without one is insured as its name is (<c>w.insured</c>).</summary>
    private const string Carried = "t.person_id";

    private const string Compulsory = "period = @period AND scheme = 'Compulsory'";

    /// <summary>
    /// The (name, birth date) pairs of the month's rows without an ID, as the cross-check resolves them
    /// (<c>CandidateSql.PersonGapsAsync</c>, <c>pairs</c>): the one worker it names, if only one, and whether
    /// anyone it names has compulsory SI that month. The rows are insured as their pair is, whichever shape.
    /// </summary>
    private const string Names = """
        SELECT n.name_key, n.birth_date, CASE WHEN COUNT(*) = 1 THEN MIN(r.person_id) END AS person_id,
               MAX(CASE WHEN EXISTS (
                   SELECT 1 FROM registry_employment m WHERE m.person_id = r.person_id AND m.period = @period AND m.scheme = 'Compulsory'
               ) THEN 1 ELSE 0 END) AS insured
        FROM registry_worker r
        CROSS JOIN (SELECT DISTINCT name_key, birth_date FROM registry_tax_employee WHERE period = @period AND person_id IS NULL) n
        WHERE r.name_key = n.name_key AND r.birth_date = n.birth_date
        GROUP BY n.name_key, n.birth_date
        """;

    private const string Rows = $"""
        INSERT INTO {Table} (employer_tax_code, person_key, period, evidence_intake, evidence_row)
        SELECT t.employer_tax_code, COALESCE({Person}, t.name_key || '|' || COALESCE(CAST(t.birth_date AS VARCHAR(10)), '')),
               t.period, t.batch_id, t.source_row
        """;

    private const string Taxed = "t.period = @period AND t.gross_income > 0 AND COALESCE(w.insured, 0) = 0";

    /// <summary>The rows without a usable ID, for the shapes over the merged month, which holds none of them.</summary>
    private const string Unnamed = $"""
        UNION ALL
        SELECT t.employer_tax_code, COALESCE(w.person_id, t.name_key || '|' || COALESCE(CAST(t.birth_date AS VARCHAR(10)), '')),
               t.period, t.batch_id, t.source_row
        FROM registry_tax_employee t
        LEFT JOIN ({Names}) w ON w.name_key = t.name_key AND w.birth_date = t.birth_date
        WHERE t.person_id IS NULL AND {Taxed}
        """;

    private const string Merged = $"""
        INSERT INTO {Table} (employer_tax_code, person_key, period, evidence_intake, evidence_row)
        SELECT e.employer_tax_code, e.person_id, e.period, e.tax_batch_id, e.tax_source_row
        """;

    private const string MergedTaxed = "e.period = @period AND e.in_tax AND e.gross_income > 0";

    /// <summary>The shapes, by the name the tables give them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>
    {
        ["NOT EXISTS"] = $"""
            {Rows}
            FROM registry_tax_employee t
            LEFT JOIN ({Names}) w ON t.person_id IS NULL AND w.name_key = t.name_key AND w.birth_date = t.birth_date
            WHERE {Taxed}
              AND NOT EXISTS (SELECT 1 FROM registry_si_participation s WHERE s.person_id = {Carried} AND s.period = @period AND s.scheme = 'Compulsory')
            """,
        ["LEFT JOIN … IS NULL"] = $"""
            {Rows}
            FROM registry_tax_employee t
            LEFT JOIN ({Names}) w ON t.person_id IS NULL AND w.name_key = t.name_key AND w.birth_date = t.birth_date
            LEFT JOIN registry_si_participation s ON s.person_id = {Carried} AND s.period = @period AND s.scheme = 'Compulsory'
            WHERE {Taxed} AND s.person_id IS NULL
            """,
        ["NOT IN"] = $"""
            {Rows}
            FROM registry_tax_employee t
            LEFT JOIN ({Names}) w ON t.person_id IS NULL AND w.name_key = t.name_key AND w.birth_date = t.birth_date
            WHERE {Taxed}
              AND ({Carried} IS NULL OR {Carried} NOT IN (SELECT person_id FROM registry_si_participation WHERE {Compulsory}))
            """,
        ["EXCEPT"] = $"""
            WITH w AS ({Names})
            {Rows}
            FROM registry_tax_employee t
            LEFT JOIN w ON t.person_id IS NULL AND w.name_key = t.name_key AND w.birth_date = t.birth_date
            WHERE {Taxed}
              AND ({Carried} IS NULL OR {Carried} IN (
                  SELECT person_id FROM registry_tax_employee WHERE period = @period AND person_id IS NOT NULL
                  EXCEPT SELECT person_id FROM registry_si_participation WHERE {Compulsory}))
            """,
        ["derived DISTINCT table"] = $"""
            {Rows}
            FROM registry_tax_employee t
            LEFT JOIN ({Names}) w ON t.person_id IS NULL AND w.name_key = t.name_key AND w.birth_date = t.birth_date
            LEFT JOIN (SELECT DISTINCT person_id FROM registry_si_participation WHERE {Compulsory}) s ON s.person_id = {Carried}
            WHERE {Taxed} AND s.person_id IS NULL
            """,
        ["merged month: NOT EXISTS"] = $"""
            {Merged}
            FROM registry_employment e
            WHERE {MergedTaxed}
              AND NOT EXISTS (SELECT 1 FROM registry_employment s WHERE s.person_id = e.person_id AND s.period = @period AND s.scheme = 'Compulsory')
            {Unnamed}
            """,
        ["merged month: GROUP BY person"] = $"""
            {Merged}
            FROM (
                SELECT person_id FROM registry_employment WHERE period = @period GROUP BY person_id
                HAVING MAX(CASE WHEN in_tax THEN 1 ELSE 0 END) = 1 AND MAX(CASE WHEN scheme = 'Compulsory' THEN 1 ELSE 0 END) = 0
            ) g
            CROSS JOIN registry_employment e
            WHERE {MergedTaxed} AND e.person_id = g.person_id
            {Unnamed}
            """,
    };

    public static async Task<CrossCheckBaselineMeasurement> MeasureAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var database = new DatabaseOptions(options.Provider, options.Database
            ?? throw new BenchUsageException("--database is required for a cross-check baseline run."));
        var shape = options.Shape is not null && Shapes.TryGetValue(options.Shape, out var sql)
            ? sql
            : throw new BenchUsageException($"--shape must be one of: {string.Join(", ", Shapes.Keys)}.");
        var limit = TimeSpan.FromSeconds(options.LimitSeconds ?? int.MaxValue / 1000);
        var sqlite = options.Provider == DatabaseProvider.Sqlite;
        await using var connection = await BenchSql.OpenAsync(database, cancellationToken);
        if (sqlite)
        {
            // The page cache the cross-check runs with (LongStatements), so that the two are raced on their plans.
            await ExecuteAsync(connection, LongStatements.SqliteLargeCache, cancellationToken);
        }

        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}", cancellationToken);
        await ExecuteAsync(connection, sqlite
            ? $"CREATE TABLE {Table} (employer_tax_code TEXT, person_key TEXT, period TEXT, evidence_intake TEXT, evidence_row INTEGER)"
            : $"CREATE TABLE {Table} (employer_tax_code text, person_key text, period text, evidence_intake uuid, evidence_row integer)",
            cancellationToken);
        await BenchSql.CheckpointAsync(database, cancellationToken);

        await using var command = connection.CreateCommand();
        command.CommandText = shape;
        command.CommandTimeout = 0;
        var period = command.CreateParameter();
        period.ParameterName = "@period";
        period.Value = CrossCheckData.Period;
        command.Parameters.Add(period);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(limit);
        // Microsoft.Data.Sqlite's Cancel does nothing; SQLite stops a statement by sqlite3_interrupt.
        await using var interrupt = sqlite ? stop.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(((SqliteConnection)connection).Handle)) : default;
        var watch = Stopwatch.StartNew();
        try
        {
            var rows = await command.ExecuteNonQueryAsync(stop.Token);
            return new CrossCheckBaselineMeasurement(options.Shape!, watch.Elapsed, rows, Stopped: false);
        }
        catch (Exception e) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && e is OperationCanceledException or SqliteException or PostgresException or NpgsqlException)
        {
            return new CrossCheckBaselineMeasurement(options.Shape!, limit, 0, Stopped: true);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
