using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.Scope;

/// <summary>
/// A scope covers the unit's own subtree and, through full lineage links, the subtrees of the units
/// it wholly took over, so a new commune's officials keep seeing their area's history. A partial
/// predecessor is left out: part of it now belongs to someone else.
/// </summary>
internal sealed class UnitScopeSource(BaoPhuDbContext db) : IUnitScopeSource
{
    public async Task<IReadOnlyList<Guid>> UnitIdsCoveredByAsync(Guid scopeUnitId, CancellationToken cancellationToken)
    {
        var units = db.Set<AdministrativeUnit>().AsNoTracking();
        var scopeUnit = await units.FirstOrDefaultAsync(u => u.Id == scopeUnitId, cancellationToken);
        if (scopeUnit is null)
        {
            return [];
        }

        var prefixes = new List<string> { scopeUnit.Path };
        var frontier = new List<Guid> { scopeUnitId };
        var visited = new HashSet<Guid> { scopeUnitId };
        while (frontier.Count > 0)
        {
            var current = frontier;
            var predecessors = await (
                    from link in db.Set<LineageLink>()
                    join unit in units on link.FromUnitId equals unit.Id
                    where current.Contains(link.ToUnitId) && link.Kind == LinkKind.Full
                    select new { unit.Id, unit.Path })
                .ToListAsync(cancellationToken);
            frontier = [];
            foreach (var predecessor in predecessors.Where(p => visited.Add(p.Id)))
            {
                frontier.Add(predecessor.Id);
                prefixes.Add(predecessor.Path);
            }
        }

        // Drop prefixes already inside another one, then read each subtree by its path.
        var roots = prefixes.Distinct()
            .Where(p => !prefixes.Any(other => other != p && p.StartsWith(other, StringComparison.Ordinal)))
            .ToList();
        var ids = new HashSet<Guid>();
        foreach (var root in roots)
        {
            ids.UnionWith(await units.Where(u => u.Path.StartsWith(root)).Select(u => u.Id).ToListAsync(cancellationToken));
        }

        return ids.ToList();
    }
}
