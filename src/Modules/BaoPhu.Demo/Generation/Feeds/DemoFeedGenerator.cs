namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// Makes every person- and employer-level agency feed of FEEDS.md for a demo province, offline and
/// deterministically, with problems planted in a clean background and <c>truth.csv</c> listing
/// exactly the problems a correct cross-check finds in the accepted rows.
/// </summary>
public static class DemoFeedGenerator
{
    /// <summary>
    /// Writes the unit files, the feed files, <c>manifest.json</c> and <c>truth.csv</c> into
    /// <paramref name="directory"/> (created if needed; files of the same name are replaced), telling
    /// <paramref name="progress"/> of each file as it starts. Throws <see cref="ArgumentException"/> for invalid options.
    /// </summary>
    public static DemoFeedSummary Generate(DemoFeedOptions options, string directory, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options.EnsureValid();
        Directory.CreateDirectory(directory);

        var units = DemoUnitGenerator.Generate(options.Units);
        string[] unitFiles = [DemoUnitFiles.UnitListFileName, DemoUnitFiles.MergesFileName, DemoUnitFiles.ProvincesFileName];
        foreach (var name in unitFiles)
        {
            progress?.WriteLine($"Đang ghi / writing {name} …");
        }

        units.WriteTo(directory);

        // A stream of its own, so the feeds never disturb the units' draws or the coverage demo's.
        var random = new Random(unchecked((options.Seed * 31) + 97));
        var communes = new FeedCommunes(DemoUnitGenerator.Build(options.Units), random);
        var people = new FeedPeople(options, communes, random);
        var employers = new FeedEmployers(options, communes, people, random);
        return new FeedRun(options, directory, progress, communes, people, employers, random).Execute(unitFiles);
    }
}
