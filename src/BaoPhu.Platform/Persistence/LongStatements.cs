using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
    public static readonly string SqliteLargeCache = CacheSizeStatement(SqliteCacheKib);

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
        int? cache = database.IsSqlite() ? await EnlargeCacheAsync(database) : null;
        try
        {
            return await work();
        }
        finally
        {
            database.SetCommandTimeout(limit);
            if (cache is { } kib)
            {
                await ScalarAsync(database, CacheSizeStatement(kib));
                await database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Opens the connection for the work's length, so that its setting holds for every statement of it.</summary>
    /// <returns>The cache it had, in KiB, to be set back.</returns>
    private static async Task<int> EnlargeCacheAsync(DatabaseFacade database)
    {
        await database.OpenConnectionAsync();
        var pages = await ScalarAsync(database, "PRAGMA cache_size");
        var pageSize = await ScalarAsync(database, "PRAGMA page_size");
        await ScalarAsync(database, SqliteLargeCache);
        // SQLite reports a cache set in KiB as that number negated, and one set in pages as the pages.
        return (int)(pages < 0 ? -pages : pages * pageSize / 1024);
    }

    private static async Task<long> ScalarAsync(DatabaseFacade database, string sql)
    {
        await using var command = database.GetDbConnection().CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static string CacheSizeStatement(int kib) => string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{kib}");
}
