using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// Set-based work over a month or a year of a province's lists: single statements that may run for
/// minutes, which the providers' default limit of 30 seconds would stop half-way through a correct
/// run. Cancelling the work still stops them.
/// </summary>
/// <remarks>
/// On SQLite the work also has a page cache of <see cref="SqliteCacheKib"/> KiB instead of SQLite's
/// 2 MB. Such work writes indexes in an order other than their own (a month's employments by
/// employer into an index by person, findings by person into the findings' key); once an index
/// outgrows the cache, each of those writes reads a page from the file and writes another out. The
/// cache is only filled as pages are read, and it is set back once the work ends, which frees what
/// it held: a pooled connection does not keep it.
/// </remarks>
public static class LongStatements
{
    /// <summary>The page cache of long work on SQLite, in KiB.</summary>
    public const int SqliteCacheKib = 256 * 1024;

    /// <summary>The statement that gives a SQLite connection the page cache of long work.</summary>
    public static readonly string SqliteLargeCache = CacheSize(-SqliteCacheKib);

    public static Task WithoutTimeLimitAsync(this DatabaseFacade database, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return database.WithoutTimeLimitAsync(async () =>
        {
            await work();
            return true;
        });
    }

    public static async Task<T> WithoutTimeLimitAsync<T>(this DatabaseFacade database, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(work);
        var limit = database.GetCommandTimeout();
        database.SetCommandTimeout(0);
        var sqlite = database.IsSqlite();
        long? cache = null;
        try
        {
            if (sqlite)
            {
                // Held open for the work's length, so that the setting holds for every statement of it.
                await database.OpenConnectionAsync();
                cache = await database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").SingleAsync();
                await database.ExecuteSqlRawAsync(SqliteLargeCache);
            }

            return await work();
        }
        finally
        {
            database.SetCommandTimeout(limit);
            if (sqlite)
            {
                if (cache is { } size)
                {
                    await database.ExecuteSqlRawAsync(CacheSize(size));
                }

                await database.CloseConnectionAsync();
            }
        }
    }

    /// <param name="size">As SQLite reports it and takes it: pages when positive, KiB when negative.</param>
    private static string CacheSize(long size) => string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}");
}
