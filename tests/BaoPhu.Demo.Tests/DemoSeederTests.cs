using System.Globalization;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Demo.Generation;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Demo.SeedDemo;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Demo.Tests;

/// <summary>A database the demo was seeded into, once per test class, because seeding is the slow part.</summary>
public abstract class SeededDemoFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly DemoUnitOptions Options = new();

    // A fixed day, so that which years count as past does not change with the calendar.
    public static readonly DemoCoverageOptions Coverage = new(new DateOnly(2026, 11, 24));

    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await Database.InScopeAsync(async s =>
        {
            await s.GetRequiredService<DemoSeeder>().SeedAsync(Options, Coverage, CancellationToken.None);
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSeededDemo() : SeededDemoFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSeededDemo() : SeededDemoFixture(DatabaseProvider.Postgres);

/// <summary>The demo province goes in through the real importers, on each provider.</summary>
public abstract class DemoSeederTests(SeededDemoFixture fixture)
{
    private static readonly string[] Indicators = ["si.compulsory.participants", "hi.participants"];

    [Fact]
    public async Task Seed_OnFreshDatabase_GivesDistrictsBeforeAndMergedCommunesAfter()
    {
        var db = fixture.Database;
        var options = SeededDemoFixture.Options;
        var before = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(DemoSeeder.ListDate, TestContext.Current.CancellationToken));
        var after = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(DemoSeeder.MergerDate, TestContext.Current.CancellationToken));
        var province = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("99", DemoSeeder.MergerDate, TestContext.Current.CancellationToken));

        Assert.Equal(1, before.Provinces);
        Assert.Equal(options.Districts, before.Districts);
        Assert.InRange(before.Communes, options.Districts * options.MinCommunesPerDistrict, options.Districts * options.MaxCommunesPerDistrict);
        Assert.Equal(0, after.Districts);
        Assert.InRange(after.Communes, 1, before.Communes - 1);
        Assert.Contains("DEMO", province!.Name);
    }

    [Fact]
    public async Task Seed_OnFreshDatabase_StoresTheTargetsOfTheFileOnOldUnits()
    {
        var files = DemoCoverageGenerator.Generate(SeededDemoFixture.Options, SeededDemoFixture.Coverage);

        var targets = await ValuesAsync("99", 2024, ValueBasis.Target);

        Assert.NotNull(targets);
        Assert.Equal(SeededDemoFixture.Options.Districts, targets.Children.Count);
        foreach (var indicator in Indicators)
        {
            Assert.Equal(TargetInFile(files, 2024, "99", indicator), targets.Total.Values[indicator]);
            Assert.All(targets.Children, district => Assert.Equal(TargetInFile(files, 2024, district.Unit.Code, indicator), district.Values[indicator]));
        }
    }

    [Fact]
    public async Task Seed_OnFreshDatabase_RollsTheCommunesActualsUpToTheProvince()
    {
        var actuals = await ValuesAsync("99", 2025, ValueBasis.Actual);

        Assert.NotNull(actuals);
        Assert.InRange(actuals.Children.Count, 25, 45);
        var total = actuals.Total.Values["si.compulsory.participants"];
        Assert.NotNull(total);
        Assert.True(total > 100_000, $"province total {total}");
        Assert.Equal(actuals.Children.Sum(commune => commune.Values["si.compulsory.participants"] ?? 0), total.Value, 0);
    }

    [Fact]
    public async Task Seed_OnFreshDatabase_ImportsTheAgenciesListsOfTheSampleThroughTheIntake()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        // The day pinned by the fixture: January 2025 to October 2026.
        var written = DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: DemoSeeder.SampleWorkers, Months: 22), folder.Path);

        var stats = await fixture.Database.InScopeAsync(s => s.GetRequiredService<IFeedImports>().StatsAsync(ct));

        foreach (var feed in written.Rows.Keys.Where(f => f != "labour-statistics"))
        {
            var stat = stats.Single(f => f.Feed == feed);
            Assert.Equal(written.Rows[feed] - written.Malformed[feed], stat.Rows);
            Assert.Equal(written.Files.Count(f => f.Feed == feed), stat.Files);
        }

        Assert.Equal(0, stats.Single(f => f.Feed == "labour-statistics").Rows);
        Assert.Equal("2026-10", stats.Single(f => f.Feed == "tax-employees").LatestPeriod);
    }

    [Fact]
    public async Task Seed_OnFreshDatabase_CrossChecksEveryMonthOfTheLists_FindingTheProblemsPlanted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: DemoSeeder.SampleWorkers, Months: 22), folder.Path);

        var scores = await fixture.Database.InScopeAsync(s => s.GetRequiredService<ICrossCheck>()
            .EvaluateAsync(Path.Combine(folder.Path, DemoFeedSummary.TruthFileName), ct));

        Assert.All(scores, score => Assert.True(score.Expected > 0 && score.Precision >= 0.98 && score.Recall >= 0.98, score.ToString()));
    }

    [Fact]
    public async Task Seed_OnFreshDatabase_ApprovesPastYearsAndLeavesThisYearsAsDrafts()
    {
        // Approving again finds nothing left in draft for a past year.
        await Assert.ThrowsAsync<TargetException>(() => ApproveAsync(2021));
        await Assert.ThrowsAsync<TargetException>(() => ApproveAsync(2025));
        Assert.True(await ApproveAsync(2026) > 0);
    }

    private Task<UnitYearValues?> ValuesAsync(string code, int year, ValueBasis basis) =>
        fixture.Database.InScopeAsync(s => s.GetRequiredService<ICoverageReader>().ValuesAsync(
            code, year, null, basis, Indicators, TestContext.Current.CancellationToken));

    private async Task<int> ApproveAsync(int year)
    {
        var ct = TestContext.Current.CancellationToken;
        var unit = await fixture.Database.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("99", new DateOnly(year, 12, 31), ct));
        return await fixture.Database.InScopeAsync(s => s.GetRequiredService<ITargetWorkflow>().ApproveAsync(
            unit!.Id, year, new TargetDecision("99/NQ-HĐND", new DateOnly(year, 1, 5), "HĐND tỉnh", null), ct));
    }

    private static decimal TargetInFile(DemoCoverageFiles files, int year, string unit, string indicator)
    {
        var prefix = $"{year},{unit},{indicator},";
        var line = files.TargetsCsv.Split('\n').Single(line => line.StartsWith(prefix, StringComparison.Ordinal));
        return decimal.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteDemoSeederTests(SqliteSeededDemo fixture) : DemoSeederTests(fixture), IClassFixture<SqliteSeededDemo>;

public sealed class PostgresDemoSeederTests(PostgresSeededDemo fixture) : DemoSeederTests(fixture), IClassFixture<PostgresSeededDemo>;
