using System.Text.Json;
using BaoPhu.Demo.Generation;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Platform.Tabular;
using BaoPhu.Testing;

namespace BaoPhu.Demo.Tests;

/// <summary>
/// Twelve months for 2,000 workers, generated once for the test class, and read back from the files
/// the way an importer sees them: the generator's own model is not trusted.
/// </summary>
public sealed class DemoFeedFixture : IDisposable
{
    public static readonly DemoFeedOptions Options = new(Workers: 2_000, Months: 12, Seed: 2025);

    private readonly TempFolder folder = new();

    public DemoFeedFixture()
    {
        Summary = DemoFeedGenerator.Generate(Options, Directory);
        Manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, DemoFeedSummary.ManifestFileName))).RootElement
            .EnumerateArray()
            .Select(entry => new ManifestEntry(
                entry.GetProperty("feed").GetString()!,
                entry.GetProperty("file").GetString()!,
                entry.GetProperty("period").GetString(),
                entry.GetProperty("rows").GetInt32(),
                entry.GetProperty("malformed").GetInt32()))
            .ToList();
        Units = UnitCodes.Read(Directory);
    }

    public string Directory => folder.Path;

    public DemoFeedSummary Summary { get; }

    public List<ManifestEntry> Manifest { get; }

    public UnitCodes Units { get; }

    /// <summary>Every data row of a file as column → value, with its raw line for messages.</summary>
    public List<Dictionary<string, string>> Rows(string file)
    {
        using var reader = TabularReader.Open(Path.Combine(Directory, file));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Null(reader.RowProblem);
            rows.Add(reader.Columns.ToDictionary(column => column, column => reader[column] ?? "", StringComparer.Ordinal));
        }

        return rows;
    }

    public IEnumerable<ManifestEntry> Files(string feed) => Manifest.Where(entry => entry.Feed == feed);

    public void Dispose() => folder.Dispose();
}

public sealed record ManifestEntry(string Feed, string File, string? Period, int Rows, int Malformed);

/// <summary>The commune codes the generated unit files put in force before and after 1/7/2025, and their lineage.</summary>
public sealed record UnitCodes(HashSet<string> Old, HashSet<string> New, Dictionary<string, HashSet<string>> SuccessorsOf)
{
    public HashSet<string> InForce(string period) => string.CompareOrdinal(period, "2025-07") < 0 ? Old : New;

    public static UnitCodes Read(string directory)
    {
        using var list = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, DemoUnitFiles.UnitListFileName)));
        using var merges = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, DemoUnitFiles.MergesFileName)));
        var old = list.RootElement.GetProperty("data")[0].GetProperty("level2s").EnumerateArray()
            .SelectMany(district => district.GetProperty("level3s").EnumerateArray())
            .Select(commune => commune.GetProperty("level3_id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var links = merges.RootElement.GetProperty("data")[0].GetProperty("level2s").EnumerateArray()
            .SelectMany(commune => commune.GetProperty("merges").EnumerateArray()
                .Select(link => (Old: link.GetProperty("old_id").GetString()!, New: commune.GetProperty("level2_id").GetString()!)))
            .ToList();
        return new UnitCodes(
            old,
            links.Select(link => link.New).ToHashSet(StringComparer.Ordinal),
            links.GroupBy(link => link.Old, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(link => link.New).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));
    }
}
