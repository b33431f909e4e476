namespace BaoPhu.Testing;

/// <summary>Where the real reference data lives: <c>../shared/data</c> beside the repository.</summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string AdminUnits { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("BAOPHU_SHARED") ?? Path.Combine(RepositoryRoot, "..", "shared"), "data", "admin-units");

    public static string UnitList => Path.Combine(AdminUnits, "dvhcvn-2025-03-01.json");

    public static string Merges => Path.Combine(AdminUnits, "2025-07-01-merges.json");

    public static string Provinces => Path.Combine(AdminUnits, "2025-07-01-provinces.csv");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BaoPhu.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BaoPhu.slnx not found above " + AppContext.BaseDirectory);
    }
}
