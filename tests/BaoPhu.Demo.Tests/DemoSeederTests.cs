using BaoPhu.Demo.Generation;
using BaoPhu.Demo.SeedDemo;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Demo.Tests;

/// <summary>The demo province goes in through the real importers, on each provider.</summary>
public abstract class DemoSeederTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Seed_OnFreshDatabase_GivesDistrictsBeforeAndMergedCommunesAfter()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var options = new DemoUnitOptions();
        await db.InScopeAsync(async s =>
        {
            await s.GetRequiredService<DemoSeeder>().SeedAsync(options, TestContext.Current.CancellationToken);
            return 0;
        });

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
}

public sealed class SqliteDemoSeederTests() : DemoSeederTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoSeederTests() : DemoSeederTests(DatabaseProvider.Postgres);
