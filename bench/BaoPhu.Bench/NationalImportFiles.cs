namespace BaoPhu.Bench;

/// <summary>
/// The full national import as an operator runs it: the GSO unit list in force on 1/3/2025, then
/// the merger that took effect on 1/7/2025.
/// </summary>
internal sealed record NationalImportFiles(string UnitList, string Merges, string Provinces)
{
    public static readonly DateOnly UnitListOn = new(2025, 3, 1);

    public static readonly DateOnly MergerOn = new(2025, 7, 1);

    public static NationalImportFiles In(string directory)
    {
        var files = new NationalImportFiles(
            Path.Combine(directory, "dvhcvn-2025-03-01.json"),
            Path.Combine(directory, "2025-07-01-merges.json"),
            Path.Combine(directory, "2025-07-01-provinces.csv"));
        var missing = new[] { files.UnitList, files.Merges, files.Provinces }.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new BenchUsageException($"Data files not found: {string.Join(", ", missing)}.");
        }

        return files;
    }
}
