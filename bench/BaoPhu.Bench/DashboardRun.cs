using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BaoPhu.Bench;

/// <summary>Response times of one unit's read, in milliseconds.</summary>
/// <param name="First">The first read of this unit in the process; for the first unit read, the process's cold first call.</param>
/// <param name="Runs">The measured reads, after the warm-up.</param>
internal sealed record UnitTimings(string Code, double First, IReadOnlyList<double> Runs);

/// <param name="Check">The province's health-insurance participants in December of the year, to show both sides read the same data.</param>
internal sealed record DashboardMeasurement(IReadOnlyList<UnitTimings> Units, decimal? Check);

/// <summary>
/// One process reading the prepared database: either the dashboard through the application's services,
/// or the baseline query on the raw actuals. The province is read first, so its first call is the
/// process's cold one; then each unit gets the warm-up reads, discarded, and the measured reads.
/// </summary>
internal static class DashboardRun
{
    public static readonly IReadOnlyList<string> Codes = [DashboardData.ProvinceCode, DashboardData.DistrictCode, DashboardData.CommuneCode];

    private const string CheckIndicator = "hi.participants";

    public static async Task<DashboardMeasurement> MeasureAsync(BenchOptions options, RunKind kind, CancellationToken cancellationToken)
    {
        var database = new DatabaseOptions(options.Provider, options.Database
            ?? throw new BenchUsageException("--database is required for a dashboard run."));
        Func<string, Task<decimal?>> read;
        ServiceProvider? services = null;
        if (kind == RunKind.Dashboard)
        {
            // Composed before the clock starts, as a host is before its first request.
            services = AppServices.Compose(database);
            read = code => DashboardAsync(services, code, cancellationToken);
        }
        else
        {
            read = code => BaselineAsync(database, code, cancellationToken);
        }

        try
        {
            var units = new List<UnitTimings>();
            decimal? check = null;
            foreach (var code in Codes)
            {
                var (first, value) = await TimeAsync(() => read(code));
                check ??= value;
                for (var i = 0; i < options.Warmup; i++)
                {
                    await read(code);
                }

                var runs = new List<double>();
                for (var i = 0; i < options.Runs; i++)
                {
                    runs.Add((await TimeAsync(() => read(code))).Milliseconds);
                }

                units.Add(new UnitTimings(code, first, runs));
            }

            return new DashboardMeasurement(units, check);
        }
        finally
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }
        }
    }

    private static async Task<(double Milliseconds, decimal? Value)> TimeAsync(Func<Task<decimal?>> read)
    {
        var watch = Stopwatch.StartNew();
        var value = await read();
        return (watch.Elapsed.TotalMilliseconds, value);
    }

    /// <summary>A scope per read, as the web host gives each request its own.</summary>
    private static async Task<decimal?> DashboardAsync(IServiceProvider services, string code, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ICoverageSummaries>()
            .ShowAsync(code, DashboardData.LastYear, DashboardData.ShownOn, cancellationToken)
            ?? throw new BenchFailedException($"No unit {code} on {DashboardData.ShownOn:yyyy-MM-dd}.");
        return summary.Indicators.FirstOrDefault(i => i.Indicator == CheckIndicator)?.Actual;
    }

    /// <summary>
    /// The same totals computed live, without the roll-up: the actuals of every commune under the unit,
    /// summed per indicator and month of the year in one grouped query. It reads only the year's actuals
    /// of one unit, no targets, other years or children, so it does less than the dashboard.
    /// </summary>
    private static async Task<decimal?> BaselineAsync(DatabaseOptions database, string code, CancellationToken cancellationToken)
    {
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        await using DbConnection connection = sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // SQLite stores decimals as text (EF Core's mapping); the sum needs numbers. Level 3 is a commune.
        command.CommandText = sqlite
            ? """
              SELECT a.indicator, a.month, SUM(CAST(a.value AS REAL))
              FROM units_unit p
              JOIN units_unit u ON u.level = 3 AND substr(u.path, 1, length(p.path)) = p.path
              JOIN targets_actual a ON a.unit_id = u.id AND a.year = @year AND a.month > 0
              WHERE p.code = @code
              GROUP BY a.indicator, a.month
              """
            : """
              SELECT a.indicator, a.month, SUM(a.value)
              FROM units_unit p
              JOIN units_unit u ON u.level = 3 AND starts_with(u.path, p.path)
              JOIN targets_actual a ON a.unit_id = u.id AND a.year = @year AND a.month > 0
              WHERE p.code = @code
              GROUP BY a.indicator, a.month
              """;
        Add(command, "@year", DashboardData.LastYear);
        Add(command, "@code", code);
        decimal? check = null;
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            if (reader.GetString(0) == CheckIndicator && reader.GetInt32(1) == 12)
            {
                check = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
            }
        }

        return rows == DashboardData.Indicators.Count * 12
            ? check
            : throw new BenchFailedException($"The baseline read {rows} rows for {code}, not {DashboardData.Indicators.Count * 12}.");
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
