using System.Diagnostics;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Bench;

/// <summary>
/// The full national import through the application's own services, composed as the command line
/// composes them. Migrations run first and are not timed: they are paid once per database, not per import.
/// </summary>
internal static class ImportRun
{
    public static async Task<ImportMeasurement> MeasureAsync(BenchOptions options, NationalImportFiles files, CancellationToken cancellationToken)
    {
        await using var database = await FreshDatabase.CreateAsync(options.Provider, options.Connection, cancellationToken);
        await using var services = await AppServices.MigratedAsync(database.Options, cancellationToken);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (unitListTime, unitList) = await TimeInScopeAsync(services,
            imports => imports.ImportUnitListAsync(files.UnitList, NationalImportFiles.UnitListOn, cancellationToken));
        var (mergerTime, merger) = await TimeInScopeAsync(services,
            imports => imports.ImportMergerAsync(files.Merges, files.Provinces, NationalImportFiles.MergerOn, cancellationToken));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        return new ImportMeasurement(unitListTime, mergerTime, ProcessMemory.PeakRssBytes(), allocated, unitList, merger);
    }

    /// <summary>Each import in a scope of its own, as two separate commands would run them.</summary>
    private static async Task<(TimeSpan Elapsed, UnitImportResult Result)> TimeInScopeAsync(
        IServiceProvider services, Func<IUnitImports, Task<UnitImportResult>> import)
    {
        await using var scope = services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<IUnitImports>();
        var watch = Stopwatch.StartNew();
        var result = await import(imports);
        return (watch.Elapsed, result);
    }
}
