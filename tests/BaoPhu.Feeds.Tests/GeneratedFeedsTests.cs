using System.Text.Json;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Feeds.Tests;

/// <summary>
/// The generator's full-size data set — 200,000 workers over the twelve months across the 2025
/// reform, every feed, planted malformed rows — imported in manifest order on a real engine: each file
/// stores exactly its good rows, and importing every file again replaces and changes no count.
/// </summary>
public abstract class GeneratedFeedsTests(DatabaseProvider provider) : FreshDatabaseTest(provider)
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Import_OfEveryGeneratedFile_StoresItsGoodRowsAndAgainChangesNoCount()
    {
        var summary = DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: 200_000, Months: 12, Seed: 11), Files.Path);
        var manifest = JsonSerializer.Deserialize<List<ManifestEntry>>(
            await File.ReadAllTextAsync(Path.Combine(Files.Path, DemoFeedSummary.ManifestFileName), Token), ManifestJson)!;
        await GeneratedProvince.ImportUnitsAsync(Database, Files.Path, Token);

        var first = await ImportAllAsync(manifest);
        var afterFirst = await StatsAsync();
        var second = await ImportAllAsync(manifest);
        var afterSecond = await StatsAsync();

        Assert.Equal(summary.Files.Count, manifest.Count);
        Assert.All(manifest.Zip(first), pair =>
        {
            var (entry, result) = pair;
            Assert.True(
                (result.Outcome, result.Rows, result.Imported, result.Rejected) == (FeedOutcome.Committed, entry.Rows, entry.Rows - entry.Malformed, entry.Malformed),
                $"{entry.File}: {result}");
        });
        foreach (var (feed, rows) in summary.Rows)
        {
            Assert.Equal(rows - summary.Malformed.GetValueOrDefault(feed), afterFirst[feed]);
        }

        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Imported, pair.Second.Replaced));
        Assert.Equal(afterFirst, afterSecond);
    }

    private Task<List<FeedImportResult>> ImportAllAsync(IEnumerable<ManifestEntry> manifest) =>
        GeneratedProvince.ImportFeedsAsync(Database, Files.Path, manifest.Select(e => (e.Feed, e.File, e.Period)), Token);

    private async Task<Dictionary<string, long>> StatsAsync() =>
        (await Database.InScopeAsync(s => s.GetRequiredService<IFeedImports>().StatsAsync(Token))).ToDictionary(f => f.Feed, f => f.Rows);

    private sealed record ManifestEntry(string Feed, string File, string? Period, int Rows, int Malformed);
}

public sealed class SqliteGeneratedFeedsTests() : GeneratedFeedsTests(DatabaseProvider.Sqlite);

public sealed class PostgresGeneratedFeedsTests() : GeneratedFeedsTests(DatabaseProvider.Postgres);
