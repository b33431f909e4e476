using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.Data;

internal sealed class UnitLineage(BaoPhuDbContext db) : IUnitLineage
{
    public async Task<ReattributedCounts> ReattributeAsync(
        IReadOnlyDictionary<Guid, decimal> counts, DateOnly on, CancellationToken cancellationToken)
    {
        // The whole lineage is small (one row per old→new pair nationally), so it is read at once
        // rather than walked link by link.
        var links = await db.Set<LineageLink>().AsNoTracking()
            .Select(l => new LinkShare(l.FromUnitId, l.ToUnitId, l.EffectiveOn, l.ForwardShare, l.BackwardShare))
            .ToListAsync(cancellationToken);
        var involved = counts.Keys.Concat(links.SelectMany(l => new[] { l.From, l.To })).Distinct().ToList();
        var validity = new Dictionary<Guid, UnitValidity>();
        foreach (var chunk in involved.Chunk(5000))
        {
            var rows = await db.Set<AdministrativeUnit>().AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.ValidFrom, u.ValidTo })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                validity[row.Id] = new UnitValidity(row.ValidFrom, row.ValidTo);
            }
        }

        var unknown = counts.Keys.FirstOrDefault(id => !validity.ContainsKey(id));
        if (unknown != Guid.Empty)
        {
            throw new ArgumentException($"Unit {unknown} does not exist.", nameof(counts));
        }

        var outcome = Reattribution.Reattribute(counts, on, validity, links);
        return new ReattributedCounts(outcome.Placed, outcome.Unplaced);
    }

    public async Task<ILineageMap> MapOntoAsync(DateOnly on, CancellationToken cancellationToken)
    {
        var all = await db.Set<AdministrativeUnit>().AsNoTracking().ToListAsync(cancellationToken);
        var links = await db.Set<LineageLink>().AsNoTracking()
            .Select(l => new LinkShare(l.FromUnitId, l.ToUnitId, l.EffectiveOn, l.ForwardShare, l.BackwardShare))
            .ToListAsync(cancellationToken);
        return new LineageMap(on, all, links);
    }

    public async Task<IReadOnlyList<DateOnly>> ReorganisationDatesAsync(CancellationToken cancellationToken) =>
        await db.Set<LineageLink>().Select(l => l.EffectiveOn).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
}
