using BaoPhu.Compliance.Contracts;
using BaoPhu.Demo.Generation;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Time;
using BaoPhu.Targets.Contracts;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Demo.SeedDemo;

/// <summary>
/// Generates the demo province's files and imports them: units before 1/7/2025, then the merger,
/// then the targets; the agencies' lists of a sample of its people from January 2025 through the
/// intake, as an operator sends them; then the monthly actuals; past years' targets are approved as
/// their councils did.
/// </summary>
/// <remarks>
/// The dashboards show the coverage model's province (some half a million people of working age);
/// the agencies' lists are of a sample (<see cref="SampleWorkers"/>), enough for the registry and the
/// cross-check, which at full size would make the first start take minutes. So the coverage-actuals
/// file is imported after the lists and takes precedence over the counts the registry derived from
/// them; the yearly labour statistics are not imported, since their whole-year values would stand
/// beside the monthly ones as the rates' denominators.
/// </remarks>
public sealed class DemoSeeder(
    IUnitImports imports, IUnitDirectory units, ICoverageImports coverage, ITargetWorkflow targets, IFeedImports feeds, ICrossCheck crossCheck, TimeProvider clock)
{
    /// <summary>People of working age in the agencies' lists of the demo.</summary>
    public const int SampleWorkers = 3_000;

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
            // All generated before anything is imported, so invalid options leave the database untouched.
            var unitFiles = DemoUnitGenerator.Generate(options);
            var coverageFiles = DemoCoverageGenerator.Generate(options, coverageOptions);
            unitFiles.WriteTo(folder);
            coverageFiles.WriteTo(folder);
            var lists = SampleOptions(options, coverageOptions) is { } sample
                ? DemoFeedGenerator.Generate(sample, Path.Combine(folder, "feeds")).Files
                : [];

            await imports.ImportUnitListAsync(Path.Combine(folder, DemoUnitFiles.UnitListFileName), ListDate, cancellationToken);
            await imports.ImportMergerAsync(
                Path.Combine(folder, DemoUnitFiles.MergesFileName), Path.Combine(folder, DemoUnitFiles.ProvincesFileName), MergerDate, cancellationToken);
            await coverage.ImportTargetsAsync(Path.Combine(folder, DemoCoverageFiles.TargetsFileName), cancellationToken);
            await ImportListsAsync(Path.Combine(folder, "feeds"), lists, cancellationToken);
            await CrossCheckAsync(lists, cancellationToken);
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
    /// The months from January 2025 (the generator's first) to the month before today, within the
    /// coverage years; none before February 2025. The lists' people live in the same units, which the
    /// generator makes from the code and seed with the standard layout.
    /// </summary>
    private static DemoFeedOptions? SampleOptions(DemoUnitOptions options, DemoCoverageOptions coverageOptions)
    {
        var first = DemoFeedOptions.DefaultFirstPeriod;
        var today = new DateOnly(coverageOptions.Today.Year, coverageOptions.Today.Month, 1);
        var end = new DateOnly(Math.Min(coverageOptions.LastYear, 2030), 12, 1);
        var last = today.AddMonths(-1) < end ? today.AddMonths(-1) : end;
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        if (months < 1)
        {
            return null;
        }

        if (options != new DemoUnitOptions(options.ProvinceCode, options.Seed))
        {
            throw new ArgumentException(
                "Danh sách mẫu của các cơ quan chỉ sinh cho tỉnh mẫu có bố cục chuẩn / the agencies' sample lists are generated for the standard layout of the demo province only.",
                nameof(options));
        }

        return new DemoFeedOptions(options.ProvinceCode, SampleWorkers, Math.Min(months, DemoFeedOptions.MaxMonths), options.Seed, first);
    }

    /// <summary>Each list through the intake in the manifest's order, the derived data rebuilt once at the end.</summary>
    private async Task ImportListsAsync(string folder, IReadOnlyList<DemoFeedFile> lists, CancellationToken cancellationToken)
    {
        foreach (var list in lists.Where(l => l.Feed != "labour-statistics"))
        {
            var result = await feeds.ImportAsync(
                new FeedImportRequest(list.Feed, Path.Combine(folder, list.File), list.Period, DeferRefresh: true), null, cancellationToken);
            if (result.Outcome != FeedOutcome.Committed)
            {
                throw new InvalidOperationException($"The demo list {list.File} was not imported: {result.Reason}");
            }
        }

        if (lists.Count > 0)
        {
            await feeds.RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Every month of the lists cross-checked, so the compliance pages open on findings, as they would after a year of use.</summary>
    private async Task CrossCheckAsync(IReadOnlyList<DemoFeedFile> lists, CancellationToken cancellationToken)
    {
        foreach (var period in lists.Select(l => l.Period).OfType<string>().Where(p => p.Length == 7).Distinct().Order(StringComparer.Ordinal))
        {
            await crossCheck.RunAsync(new CrossCheckRequest(period), cancellationToken);
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
