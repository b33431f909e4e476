using System.Globalization;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Bench;

/// <summary>What one process of the bench measures: the import itself, or the baseline it is compared with.</summary>
internal enum RunKind
{
    Import,
    Baseline,
    Dashboard,
    DashboardBaseline,
    FeedImport,

    /// <summary>A feed import without the deferred refresh: the ten-times file, measured for its memory only.</summary>
    FeedImportOnly,
    FeedBaseline,

    /// <summary>A cross-check run of the headcount gap only, through the application.</summary>
    CrossCheckHeadcount,

    /// <summary>A cross-check run of every kind, through the application.</summary>
    CrossCheckAll,

    /// <summary>One hand-written statement for the headcount gap (<see cref="BenchOptions.Shape"/>).</summary>
    CrossCheckBaseline,
}

/// <param name="Connection">PostgreSQL: a connection string with the right to create databases. Unused for SQLite.</param>
/// <param name="SingleRun">Set in the child processes the bench starts: measure once, print the result, exit.</param>
/// <param name="Database">Set in the dashboard's child processes: the prepared database they read.</param>
/// <param name="LargeRuns">feeds-import: measured imports of the ten-times file, for memory (each a long run).</param>
/// <param name="File">Set in the feeds-import child processes: the file they load.</param>
/// <param name="Sizes">cross-check: the data sizes to measure (<see cref="CrossCheckSize"/> names); null for the provider's default.</param>
/// <param name="Shape">Set in the cross-check baseline's child processes: the statement they run.</param>
/// <param name="LimitSeconds">Set in the cross-check baseline's child processes: the time after which the statement is stopped.</param>
internal sealed record BenchOptions(
    string Benchmark,
    DatabaseProvider Provider,
    string? Connection,
    string DataDirectory,
    int Runs,
    int Warmup,
    RunKind? SingleRun,
    string? Database = null,
    int LargeRuns = 1,
    string? File = null,
    IReadOnlyList<string>? Sizes = null,
    string? Shape = null,
    int? LimitSeconds = null)
{
    public const string UnitsImport = "units-import";
    public const string Dashboard = "dashboard";
    public const string FeedsImport = "feeds-import";
    public const string CrossCheck = "cross-check";

    public const string Usage = """
        Usage: BaoPhu.Bench units-import|dashboard|feeds-import|cross-check --provider Sqlite|Postgres [options]
          --connection CS   PostgreSQL only: an admin connection string; every run creates and drops its own database
          --data DIR        units-import: folder of the admin-unit files
                            (default: $BAOPHU_SHARED/data/admin-units, else <repo>/../shared/data/admin-units);
                            feeds-import: folder the generated tax-employees files are kept in (default: <repo>/artifacts/bench/feeds);
                            cross-check: folder the generated feeds are kept in, one folder per size (default: <repo>/artifacts/bench/cross-check)
          --runs N          measured runs (default 5); dashboard: measured reads per unit (default 20)
          --warmup N        runs, or reads per unit, done first and discarded (default 1)
          --large-runs N    feeds-import: measured imports of the ten-times file, for its peak memory (default 1)
          --sizes LIST      cross-check: comma-separated sizes among 1M, 5M, 10M (default: 1M,10M on SQLite, 1M,5M on PostgreSQL)
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not (UnitsImport or Dashboard or FeedsImport or CrossCheck))
        {
            throw new BenchUsageException(args.Count == 0 ? "No benchmark named." : $"Unknown benchmark '{args[0]}'.");
        }

        DatabaseProvider? provider = null;
        string? connection = null, data = null, database = null, file = null, shape = null;
        IReadOnlyList<string>? sizes = null;
        int? runs = null, limit = null;
        var warmup = 1;
        var largeRuns = 1;
        RunKind? singleRun = null;
        for (var i = 1; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new BenchUsageException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--provider": provider = ParseEnum<DatabaseProvider>(args[i], value); break;
                case "--connection": connection = value; break;
                case "--data": data = value; break;
                case "--runs": runs = ParseCount(args[i], value, minimum: 1); break;
                case "--warmup": warmup = ParseCount(args[i], value, minimum: 0); break;
                case "--single-run": singleRun = ParseEnum<RunKind>(args[i], value); break;
                case "--database": database = value; break;
                case "--large-runs": largeRuns = ParseCount(args[i], value, minimum: 1); break;
                case "--file": file = value; break;
                case "--sizes": sizes = CrossCheckSize.ParseList(value); break;
                case "--shape": shape = value; break;
                case "--limit": limit = ParseCount(args[i], value, minimum: 1); break;
                default: throw new BenchUsageException($"Unknown option '{args[i]}'.");
            }
        }

        if (provider is null)
        {
            throw new BenchUsageException("--provider is required.");
        }

        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new BenchUsageException("--connection is required for PostgreSQL.");
        }

        // A read takes milliseconds where an import takes seconds: the dashboard affords more samples.
        return new BenchOptions(args[0], provider.Value, connection, Path.GetFullPath(data ?? DefaultDataDirectory(args[0])),
            runs ?? (args[0] == Dashboard ? 20 : 5), warmup, singleRun, database, largeRuns, file, sizes, shape, limit);
    }

    /// <summary>The arguments that make a child process measure one run of <paramref name="kind"/>.</summary>
    public IReadOnlyList<string> ChildArguments(RunKind kind)
    {
        List<string> arguments = [Benchmark, "--provider", Provider.ToString(), "--data", DataDirectory, "--single-run", kind.ToString(),
            "--runs", Runs.ToString(CultureInfo.InvariantCulture), "--warmup", Warmup.ToString(CultureInfo.InvariantCulture),
            "--large-runs", LargeRuns.ToString(CultureInfo.InvariantCulture)];
        if (Connection is not null)
        {
            arguments.AddRange(["--connection", Connection]);
        }

        if (Database is not null)
        {
            arguments.AddRange(["--database", Database]);
        }

        if (File is not null)
        {
            arguments.AddRange(["--file", File]);
        }

        if (Shape is not null)
        {
            arguments.AddRange(["--shape", Shape]);
        }

        if (LimitSeconds is { } limit)
        {
            arguments.AddRange(["--limit", limit.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    /// <summary>
    /// The admin units: the same place the tests read them from, the shared folder beside the repository.
    /// The generated feed files: the repository's artifacts folder, out of version control and kept between runs.
    /// </summary>
    private static string DefaultDataDirectory(string benchmark)
    {
        var generated = benchmark switch
        {
            FeedsImport => "feeds",
            CrossCheck => "cross-check",
            _ => null,
        };
        var shared = Environment.GetEnvironmentVariable("BAOPHU_SHARED");
        if (generated is null && !string.IsNullOrWhiteSpace(shared))
        {
            return Path.Combine(shared, "data", "admin-units");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "BaoPhu.slnx")))
            {
                return generated is not null
                    ? Path.Combine(directory.FullName, "artifacts", "bench", generated)
                    : Path.Combine(directory.FullName, "..", "shared", "data", "admin-units");
            }
        }

        throw new BenchUsageException($"BaoPhu.slnx not found above {AppContext.BaseDirectory}; pass --data.");
    }

    private static T ParseEnum<T>(string option, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new BenchUsageException($"{option}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static int ParseCount(string option, string value, int minimum) =>
        int.TryParse(value, out var count) && count >= minimum
            ? count
            : throw new BenchUsageException($"{option}: '{value}' is not a whole number of at least {minimum}.");
}

/// <summary>Bad command line: printed with the usage, without a stack trace.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
