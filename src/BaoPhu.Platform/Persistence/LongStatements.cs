using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// Set-based work over a month or a year of a province's lists: single statements that may run for
/// minutes, which the providers' default limit of 30 seconds would stop half-way through a correct
/// run. Cancelling the work still stops them.
/// </summary>
public static class LongStatements
{
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
        ArgumentNullException.ThrowIfNull(work);
        var limit = database.GetCommandTimeout();
        database.SetCommandTimeout(0);
        try
        {
            return await work();
        }
        finally
        {
            database.SetCommandTimeout(limit);
        }
    }
}
