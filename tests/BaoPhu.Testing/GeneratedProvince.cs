using BaoPhu.Demo.Generation;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Testing;

/// <summary>A folder the demo feed generator wrote, loaded into a test database as an operator would: units first, then every file in order.</summary>
public static class GeneratedProvince
{
    public static Task ImportUnitsAsync(TestDatabase database, string folder, CancellationToken cancellationToken) =>
        database.InScopeAsync(async s =>
        {
            var units = s.GetRequiredService<IUnitImports>();
            await units.ImportUnitListAsync(Path.Combine(folder, DemoUnitFiles.UnitListFileName), new DateOnly(2025, 3, 1), cancellationToken);
            return await units.ImportMergerAsync(
                Path.Combine(folder, DemoUnitFiles.MergesFileName), Path.Combine(folder, DemoUnitFiles.ProvincesFileName), new DateOnly(2025, 7, 1), cancellationToken);
        });

    /// <summary>Each file with the derived data's refresh deferred, as a bulk load does; the caller refreshes once at the end.</summary>
    public static async Task<List<FeedImportResult>> ImportFeedsAsync(
        TestDatabase database, string folder, IEnumerable<(string Feed, string File, string? Period)> files, CancellationToken cancellationToken)
    {
        var results = new List<FeedImportResult>();
        foreach (var (feed, file, period) in files)
        {
            results.Add(await database.InScopeAsync(s => s.GetRequiredService<IFeedImports>().ImportAsync(
                new FeedImportRequest(feed, Path.Combine(folder, file), period, DeferRefresh: true), null, cancellationToken)));
        }

        return results;
    }
}
