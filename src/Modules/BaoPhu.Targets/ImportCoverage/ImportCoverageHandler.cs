using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Targets.Rollup;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Targets.ImportCoverage;

/// <summary>
/// Imports a <c>targets</c> or <c>coverage-actuals</c> file in one transaction: the whole file is
/// checked first, then values are set by key (unit, indicator, period), so a re-sent file replaces
/// what it sent before and never counts twice; the roll-up of the years touched is rebuilt before
/// the commit. Audited as one entry per file.
/// </summary>
internal sealed class ImportCoverageHandler(
    BaoPhuDbContext db, CoverageFeedReader reader, RollupRefresher rollup, AuditLog audit, AuditBatch batch, IActor actor, TimeProvider clock)
    : ICoverageImports
{
    public Task<CoverageImportResult> ImportTargetsAsync(string file, CancellationToken cancellationToken) =>
        ImportTargetsAsync(file, commit: true, cancellationToken);

    public Task<CoverageImportResult> ImportActualsAsync(string file, CancellationToken cancellationToken) =>
        ImportActualsAsync(file, commit: true, cancellationToken);

    public Task<CoverageImportResult> DryRunAsync(string feed, string file, CancellationToken cancellationToken) => feed switch
    {
        CoverageFeedReader.TargetsFeed => ImportTargetsAsync(file, commit: false, cancellationToken),
        CoverageFeedReader.ActualsFeed => ImportActualsAsync(file, commit: false, cancellationToken),
        _ => throw new ArgumentException($"'{feed}' is not a feed of the Targets module.", nameof(feed)),
    };

    private async Task<CoverageImportResult> ImportTargetsAsync(string file, bool commit, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAsync(file, CoverageFeedReader.TargetsFeed, cancellationToken);
        using var summarised = batch.Begin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var existing = (await db.Set<TargetVersion>().IgnoreQueryFilters().Where(t => years.Contains(t.Year)).ToListAsync(cancellationToken))
            .ToLookup(t => (t.UnitId, t.Year, t.Indicator));
        var at = clock.GetUtcNow().UtcDateTime;
        int imported = 0, replaced = 0;
        var created = new List<TargetVersion>();
        foreach (var row in rows)
        {
            var versions = existing[(row.UnitId, row.Year, row.Indicator)].ToList();
            var (outcome, added) = TargetBook.Set(versions, row.UnitId, row.Year, row.Indicator, row.Value, TargetOrigin.Imported, at, actor.Name);
            if (added is not null)
            {
                created.Add(added);
            }

            imported += outcome == TargetBook.Outcome.Unchanged ? 0 : 1;
            replaced += outcome != TargetBook.Outcome.Unchanged && versions.Count > 0 ? 1 : 0;
        }

        // Revised drafts go through the tracker; new versions, most of a first import, in bulk.
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.WriteAsync(db, created, cancellationToken);
        return await FinishAsync(CoverageFeedReader.TargetsFeed, file, rows, imported, replaced, transaction, commit, cancellationToken);
    }

    private async Task<CoverageImportResult> ImportActualsAsync(string file, bool commit, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAsync(file, CoverageFeedReader.ActualsFeed, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (imported, replaced, _) = await SetAsync(rows, Path.GetFileName(file), null, cancellationToken);
        return await FinishAsync(CoverageFeedReader.ActualsFeed, file, rows, imported, replaced, transaction, commit, cancellationToken);
    }

    public async Task<CoverageImportResult> SetActualsAsync(
        string source, IReadOnlyCollection<string> indicators, IReadOnlyCollection<(int Year, int Month)> months, IReadOnlyList<ActualCount> values, CancellationToken cancellationToken)
    {
        var rows = values.Select((v, i) => new CoverageRow(i + 1, v.UnitId, v.Indicator, v.Year, v.Month, v.Value)).ToList();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var (imported, replaced, removed) = await SetAsync(rows, source, (indicators, months), cancellationToken);
            var result = new CoverageImportResult(source, rows.Count, imported + removed, replaced, rows.Count - imported);
            if (imported + removed > 0)
            {
                await rollup.RefreshAsync(months.Select(m => m.Year).Distinct().ToList(), cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return result;
        }
    }

    /// <summary>
    /// Sets each row's value by key, in bulk for new keys; with <paramref name="replacing"/>, also removes
    /// what <paramref name="source"/> stored before for those indicators and months and did not send again.
    /// </summary>
    private async Task<(int Imported, int Replaced, int Removed)> SetAsync(
        IReadOnlyList<CoverageRow> rows, string source,
        (IReadOnlyCollection<string> Indicators, IReadOnlyCollection<(int Year, int Month)> Months)? replacing, CancellationToken cancellationToken)
    {
        var years = rows.Select(r => r.Year).Concat(replacing?.Months.Select(m => m.Year) ?? []).Distinct().ToList();
        var existing = (await db.Set<ActualValue>().IgnoreQueryFilters().Where(a => years.Contains(a.Year)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.Indicator, a.UnitId, a.Year, a.Month));
        var at = clock.GetUtcNow().UtcDateTime;
        int imported = 0, replaced = 0;
        var added = new List<ActualValue>();
        var given = new HashSet<(string, Guid, int, int)>();
        foreach (var row in rows)
        {
            given.Add((row.Indicator, row.UnitId, row.Year, row.Month));
            if (existing.TryGetValue((row.Indicator, row.UnitId, row.Year, row.Month), out var actual))
            {
                if (actual.Value != row.Value)
                {
                    actual.Replace(row.Value, source, at);
                    imported++;
                    replaced++;
                }

                continue;
            }

            added.Add(ActualValue.Create(row.UnitId, row.Indicator, row.Year, row.Month, row.Value, source, at));
            imported++;
        }

        var stale = replacing is var (indicators, months)
            ? existing.Values.Where(a => a.Source == source && indicators.Contains(a.Indicator) && months.Contains((a.Year, a.Month))
                && !given.Contains((a.Indicator, a.UnitId, a.Year, a.Month))).ToList()
            : [];
        db.RemoveRange(stale);
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.WriteAsync(db, added, cancellationToken);
        return (imported, replaced, stale.Count);
    }

    private async Task<CoverageImportResult> FinishAsync(
        string feed, string file, IReadOnlyList<CoverageRow> rows, int imported, int replaced,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, bool commit, CancellationToken cancellationToken)
    {
        var result = new CoverageImportResult(feed, rows.Count, imported, replaced, rows.Count - imported);
        if (!commit)
        {
            // A dry run: the counts are known; nothing is kept, so neither roll-up nor audit entry.
            await transaction.RollbackAsync(cancellationToken);
            return result;
        }

        if (imported > 0)
        {
            await rollup.RefreshAsync(rows.Select(r => r.Year).Distinct().ToList(), cancellationToken);
        }

        await audit.WriteAsync("import." + feed, null, Path.GetFileName(file), result, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
