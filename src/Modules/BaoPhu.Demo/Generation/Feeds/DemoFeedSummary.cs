namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>One feed file of the manifest: <paramref name="Rows"/> data rows, of which <paramref name="Malformed"/> an importer must refuse.</summary>
/// <param name="Period">"2025-03" for a monthly file, "2025" for a yearly one, null for a snapshot.</param>
public sealed record DemoFeedFile(string Feed, string File, string? Period, int Rows, int Malformed);

/// <summary>What <see cref="DemoFeedGenerator"/> wrote.</summary>
/// <param name="UnitFiles">The three unit files, under their fixed names, first to import.</param>
/// <param name="Files">The feed files in import order, as in <c>manifest.json</c>.</param>
/// <param name="Rows">Data rows per feed over all its files.</param>
/// <param name="Malformed">Malformed rows per feed.</param>
/// <param name="Planted">Rows of <c>truth.csv</c> per kind of problem.</param>
/// <param name="Unplanted">Truth rows the generator did not mean to plant; 0 unless the background is wrong.</param>
public sealed record DemoFeedSummary(
    IReadOnlyList<string> UnitFiles,
    IReadOnlyList<DemoFeedFile> Files,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyDictionary<string, long> Malformed,
    IReadOnlyDictionary<string, int> Planted,
    int Unplanted)
{
    public const string ManifestFileName = "manifest.json";

    public const string TruthFileName = "truth.csv";

    /// <summary>The generator's own record of what it planted, to check the truth against.</summary>
    internal PlantedCases Cases { get; init; } = null!;
}
