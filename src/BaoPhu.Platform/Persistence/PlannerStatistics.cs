using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// Brings PostgreSQL's planner statistics up to date after a bulk change. Autovacuum analyses a table
/// only once a tenth of it has changed, or whenever it gets to it: a month loaded beside a year of
/// rows is less, and a plan made on statistics that have not seen the month takes the month for
/// empty and joins it row by row, minutes instead of seconds. SQLite keeps no statistics unless
/// asked, and the statements here are written for the plans it makes without them.
/// </summary>
public static class PlannerStatistics
{
    /// <param name="tables">Table names from the model, never from input.</param>
    public static async Task RefreshStatisticsAsync(this DatabaseFacade database, DatabaseProvider provider, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Postgres || tables.Count == 0)
        {
            return;
        }

        var sql = "ANALYZE " + string.Join(", ", tables.Select(table => "\"" + table + "\""));
        await database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
