using BaoPhu.Demo.Generation;
using BaoPhu.Platform.Time;
using BaoPhu.Targets.Contracts;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Demo.SeedDemo;

/// <summary>
/// Generates the demo province's files and imports them: units before 1/7/2025, then the merger,
/// then the targets and monthly actuals; past years' targets are approved as their councils did.
/// </summary>
public sealed class DemoSeeder(
    IUnitImports imports, IUnitDirectory units, ICoverageImports coverage, ITargetWorkflow targets, TimeProvider clock)
{
    public static readonly DateOnly ListDate = new(2025, 3, 1);
    public static readonly DateOnly MergerDate = DemoCoverageGenerator.MergerDate;

    /// <summary>Seeds the default years, with actuals up to last month (Vietnamese date).</summary>
    public Task SeedAsync(DemoUnitOptions options, CancellationToken cancellationToken) =>
        SeedAsync(options, new DemoCoverageOptions(clock.Today()), cancellationToken);

    public async Task SeedAsync(DemoUnitOptions options, DemoCoverageOptions coverageOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coverageOptions);
        var folder = Path.Combine(Path.GetTempPath(), "baophu-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Both generated before anything is imported, so invalid options leave the database untouched.
            var unitFiles = DemoUnitGenerator.Generate(options);
            var coverageFiles = DemoCoverageGenerator.Generate(options, coverageOptions);
            unitFiles.WriteTo(folder);
            coverageFiles.WriteTo(folder);

            await imports.ImportUnitListAsync(Path.Combine(folder, DemoUnitFiles.UnitListFileName), ListDate, cancellationToken);
            await imports.ImportMergerAsync(
                Path.Combine(folder, DemoUnitFiles.MergesFileName), Path.Combine(folder, DemoUnitFiles.ProvincesFileName), MergerDate, cancellationToken);
            await coverage.ImportTargetsAsync(Path.Combine(folder, DemoCoverageFiles.TargetsFileName), cancellationToken);
            await coverage.ImportActualsAsync(Path.Combine(folder, DemoCoverageFiles.ActualsFileName), cancellationToken);
            await ApprovePastTargetsAsync(options, coverageOptions, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Each past year's targets as the province council approved them: the province's and those of
    /// the units directly under it (districts before the reform, communes from 2025). Districts'
    /// approvals of their communes' targets are left out: each rebuilds the year's roll-up, and the
    /// communes' targets show the same as drafts.
    /// </summary>
    private async Task ApprovePastTargetsAsync(DemoUnitOptions options, DemoCoverageOptions coverageOptions, CancellationToken cancellationToken)
    {
        foreach (var year in coverageOptions.PastYears)
        {
            var province = await FindAsync(options.ProvinceCode, new DateOnly(year, 12, 31), cancellationToken);
            await targets.ApproveAsync(province.Id, year, DemoDecisions.Province(year), cancellationToken);
        }
    }

    private async Task<UnitRef> FindAsync(string code, DateOnly on, CancellationToken cancellationToken) =>
        await units.FindAsync(code, on, cancellationToken)
            ?? throw new InvalidOperationException($"The demo unit {code} is not in force on {on:yyyy-MM-dd} after its import.");
}
