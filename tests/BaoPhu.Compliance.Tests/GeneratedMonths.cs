using BaoPhu.Compliance.Contracts;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Compliance.Tests;

/// <summary>The demo generator's agency lists for twelve months from January 2025, imported and refreshed.</summary>
internal static class GeneratedMonths
{
    /// <returns>The months of contributions, oldest first, and the path of the generator's <c>truth.csv</c>.</returns>
    public static async Task<(IReadOnlyList<string> Months, string Truth)> LoadAsync(TestDatabase database, TempFolder files, int workers, int seed, CancellationToken token)
    {
        var summary = DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: workers, Months: 12, Seed: seed), files.Path);
        await GeneratedProvince.ImportUnitsAsync(database, files.Path, token);
        var results = await GeneratedProvince.ImportFeedsAsync(database, files.Path, summary.Files.Select(f => (f.Feed, f.File, f.Period)), token);
        Assert.All(results, r => Assert.Equal(FeedOutcome.Committed, r.Outcome));
        await database.InScopeAsync(s => s.GetRequiredService<IFeedImports>().RefreshAsync(token));
        var months = summary.Files.Where(f => f.Feed == "si-contributions").Select(f => f.Period!).Order(StringComparer.Ordinal).ToList();
        return (months, Path.Combine(files.Path, DemoFeedSummary.TruthFileName));
    }

    /// <summary>Loads the lists and cross-checks every month, as an operator would after a year.</summary>
    public static async Task<IReadOnlyList<string>> LoadAndCheckAsync(TestDatabase database, TempFolder files, int workers, int seed, CancellationToken token)
    {
        var (months, _) = await LoadAsync(database, files, workers, seed, token);
        foreach (var month in months)
        {
            await database.InScopeAsync(s => s.GetRequiredService<ICrossCheck>().RunAsync(new CrossCheckRequest(month), token));
        }

        return months;
    }
}
