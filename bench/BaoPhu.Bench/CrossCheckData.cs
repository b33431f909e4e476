using System.Globalization;
using System.Text.Json;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Bench;

/// <summary>
/// A size of the cross-check benchmark: one month of the demo province with about <see cref="Millions"/>
/// million <c>tax-employees</c> rows and as many <c>si-participants</c> rows. The generator makes
/// about 0.72 of each per worker of working age (80% employed, a few second jobs; SI for those
/// employed by registered employers and for voluntary payers), so a size is a number of workers.
/// </summary>
internal sealed record CrossCheckSize(string Name, int Millions, int Workers)
{
    public static readonly IReadOnlyList<CrossCheckSize> All =
    [
        new("1M", 1, 1_400_000),
        new("5M", 5, 7_000_000),
        new("10M", 10, 14_000_000),
    ];

    /// <summary>SQLite: a million and ten times as much, the issue's two sizes; PostgreSQL: a million and the five million the issue asks for.</summary>
    public static IReadOnlyList<CrossCheckSize> DefaultFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? [All[0], All[2]] : [All[0], All[1]];

    public static IReadOnlyList<string> ParseList(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.FirstOrDefault(n => All.All(s => !s.Name.Equals(n, StringComparison.OrdinalIgnoreCase)));
        return names.Length == 0 || unknown is not null
            ? throw new BenchUsageException($"--sizes: '{unknown ?? text}' is not one of {string.Join(", ", All.Select(s => s.Name))}.")
            : names;
    }

    public static IReadOnlyList<CrossCheckSize> Chosen(BenchOptions options) =>
        options.Sizes is null
            ? DefaultFor(options.Provider)
            : [.. All.Where(s => options.Sizes.Contains(s.Name, StringComparer.OrdinalIgnoreCase))];
}

/// <summary>
/// The generated feeds of one size, made once by the demo generator (as <c>baophu demo generate --workers N
/// --months 1 --seed 1</c> writes them) and kept in a folder of their own under the data folder:
/// the unit files, every agency's file for January 2025 with its planted problems, the manifest and the truth.
/// </summary>
internal sealed record CrossCheckData(CrossCheckSize Size, string Folder, IReadOnlyList<DemoFeedFile> Files)
{
    /// <summary>The month generated and checked.</summary>
    public static readonly string Period = DemoFeedOptions.DefaultFirstPeriod.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private const int Seed = 1;

    private static readonly JsonSerializerOptions ManifestJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public int Rows(string feed) => Files.Where(f => f.Feed == feed).Sum(f => f.Rows - f.Malformed);

    /// <summary>The files of <paramref name="size"/> in <paramref name="directory"/>, generated first when absent (not timed).</summary>
    public static CrossCheckData Prepare(string directory, CrossCheckSize size, TextWriter progress)
    {
        var folder = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"workers-{size.Workers}-seed-{Seed}"));
        if (!File.Exists(Path.Combine(folder, DemoFeedSummary.ManifestFileName)))
        {
            // Written aside and moved into place whole, so that an interrupted generation is never taken for a finished one.
            var part = folder + ".part";
            if (Directory.Exists(part))
            {
                Directory.Delete(part, recursive: true);
            }

            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generating one month of the demo feeds for {size.Workers:N0} workers in {folder} (once) …"));
            DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: size.Workers, Months: 1, Seed: Seed), part);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(part, folder);
            GC.Collect();
        }

        var files = JsonSerializer.Deserialize<List<DemoFeedFile>>(File.ReadAllText(Path.Combine(folder, DemoFeedSummary.ManifestFileName)), ManifestJson)
            ?? throw new BenchFailedException($"{folder}: empty manifest.");
        return new CrossCheckData(size, folder, files);
    }
}
