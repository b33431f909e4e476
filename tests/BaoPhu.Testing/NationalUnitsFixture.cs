using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BaoPhu.Testing;

/// <summary>
/// A database holding Vietnam's real units before and after 1/7/2025, imported once per test class
/// because the national import is the slow part.
/// </summary>
/// <param name="settings">Configuration the tests of the class need beyond the database.</param>
public abstract class NationalUnitsFixture(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public static readonly DateOnly ListDate = new(2025, 3, 1);
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    public TestDatabase Database { get; private set; } = null!;


    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider, settings: settings);
        await ImportAsync(Database);
    }

    /// <summary>The real unit list of 1/3/2025, then the merger of 1/7/2025.</summary>
    public static async Task ImportAsync(TestDatabase database)
    {
        await database.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportUnitListAsync(SharedData.UnitList, ListDate, CancellationToken.None));
        await database.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportMergerAsync(SharedData.Merges, SharedData.Provinces, MergerDate, CancellationToken.None));
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

public sealed class SqliteNationalUnits() : NationalUnitsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresNationalUnits() : NationalUnitsFixture(DatabaseProvider.Postgres);
