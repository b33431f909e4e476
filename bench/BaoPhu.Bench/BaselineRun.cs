using System.Diagnostics;

namespace BaoPhu.Bench;

/// <summary>
/// What the import is compared with: reading the same JSON files into memory with System.Text.Json,
/// then writing the rows the import ends with by the engine's fastest bulk path into bare tables.
/// </summary>
internal static class BaselineRun
{
    public static async Task<BaselineMeasurement> MeasureAsync(BenchOptions options, NationalImportFiles files, CancellationToken cancellationToken)
    {
        await using var database = await FreshDatabase.CreateAsync(options.Provider, options.Connection, cancellationToken);
        await BareLoad.CreateTablesAsync(database.Options, cancellationToken);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var rows = NationalUnitRows.Read(files);
        var read = watch.Elapsed;

        watch.Restart();
        await BareLoad.LoadAsync(database.Options, rows, cancellationToken);
        var load = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        return new BaselineMeasurement(read, load, ProcessMemory.PeakRssBytes(), allocated, rows.Units.Count, rows.Links.Count);
    }
}
