using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Platform.Tests;

/// <summary>
/// Long work on SQLite (a month's cross-check, a refresh after a bulk load) has a page cache large
/// enough for the indexes it writes, and a connection gives that memory back when the work ends, so
/// that the pooled connections of a host do not each keep it.
/// </summary>
public sealed class LongStatementsTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task LongWork_OnSqlite_HasTheLargeCacheAndGivesItBack()
    {
        var (before, during, after, limit) = await db.InScopeAsync(async s =>
        {
            var database = s.GetRequiredService<BaoPhuDbContext>().Database;
            var before = await CacheSizeAsync(database);
            var (during, limit) = await database.WithoutTimeLimitAsync(async () => (await CacheSizeAsync(database), database.GetCommandTimeout()));
            return (before, during, await CacheSizeAsync(database), limit);
        });

        Assert.Equal(-LongStatements.SqliteCacheKib, during);
        Assert.Equal(0, limit);
        Assert.NotEqual(during, before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task LongWork_ThatFails_StillGivesTheCacheBack()
    {
        var (before, after) = await db.InScopeAsync(async s =>
        {
            var database = s.GetRequiredService<BaoPhuDbContext>().Database;
            var before = await CacheSizeAsync(database);
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                database.WithoutTimeLimitAsync(async () =>
                {
                    await CacheSizeAsync(database);
                    throw new InvalidOperationException("the work failed");
                }));
            return (before, await CacheSizeAsync(database));
        });

        Assert.Equal(before, after);
    }

    /// <summary>On a connection opened for the question: it is the same pooled connection as the work's.</summary>
    private static async Task<long> CacheSizeAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        await database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").SingleAsync();
}
