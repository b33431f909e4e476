using BaoPhu.Demo.Generation;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Demo.SeedDemo;

/// <summary>Generates the demo province's files and imports them: units before 1/7/2025, then the merger.</summary>
public sealed class DemoSeeder(IUnitImports imports)
{
    public static readonly DateOnly ListDate = new(2025, 3, 1);
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    public async Task SeedAsync(DemoUnitOptions options, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "baophu-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoUnitGenerator.Generate(options).WriteTo(folder);
            await imports.ImportUnitListAsync(Path.Combine(folder, DemoUnitFiles.UnitListFileName), ListDate, cancellationToken);
            await imports.ImportMergerAsync(
                Path.Combine(folder, DemoUnitFiles.MergesFileName), Path.Combine(folder, DemoUnitFiles.ProvincesFileName), MergerDate, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
