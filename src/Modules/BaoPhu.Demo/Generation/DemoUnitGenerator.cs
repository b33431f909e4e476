namespace BaoPhu.Demo.Generation;

/// <summary>
/// Makes a fictitious province, before and after the reform of 1 July 2025, offline and
/// deterministically, so a fresh installation has something realistic to show without real data.
/// </summary>
public static class DemoUnitGenerator
{
    /// <summary>Generates the demo files; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public static DemoUnitFiles Generate(DemoUnitOptions options)
    {
        var province = Build(options);
        var files = new DemoUnitFiles(
            DemoUnitWriter.UnitList(province, options.Seed),
            DemoUnitWriter.Merges(province, options.Seed),
            DemoUnitWriter.Provinces(province));

        // Reading our own output back catches a generator bug here rather than as a puzzling import error.
        DemoUnitValidator.EnsureValid(files, options);
        return files;
    }

    /// <summary>The province the files describe; the coverage generator needs the same units and links.</summary>
    internal static DemoProvince Build(DemoUnitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();

        // One generator threaded through every step in a fixed order is what makes a seed reproducible.
        var random = new Random(options.Seed);
        var names = new NamePool(random);
        var codes = new CommuneCodes(options.ProvinceCode);
        var districts = OldUnitBuilder.Build(options, random, names, codes);
        var newCommunes = MergerPlanner.Plan(districts, random, names, codes);
        return new DemoProvince(options.ProvinceCode, districts, newCommunes);
    }
}
