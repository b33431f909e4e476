using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.Data;

internal sealed class UnitDirectory(BaoPhuDbContext db) : IUnitDirectory
{
    public async Task<UnitRef?> FindAsync(string code, DateOnly on, CancellationToken cancellationToken)
    {
        var unit = await db.Set<AdministrativeUnit>().AsNoTracking().InForceOn(on)
            .Where(u => u.Code == code).FirstOrDefaultAsync(cancellationToken);
        return unit is null ? null : ToRef(unit);
    }

    public async Task<UnitCounts> CountAsync(DateOnly on, CancellationToken cancellationToken)
    {
        var counts = await db.Set<AdministrativeUnit>().InForceOn(on)
            .GroupBy(u => u.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Level, g => g.Count, cancellationToken);
        return new UnitCounts(
            counts.GetValueOrDefault(UnitLevel.Province),
            counts.GetValueOrDefault(UnitLevel.District),
            counts.GetValueOrDefault(UnitLevel.Commune));
    }

    public async Task<IUnitCodeResolver> CodeResolverAsync(CancellationToken cancellationToken)
    {
        // Feeds name provinces, districts and communes; villages are not what their codes mean.
        var units = await db.Set<AdministrativeUnit>().AsNoTracking()
            .Where(u => u.Level != UnitLevel.Village).ToListAsync(cancellationToken);
        return new CodeResolver(units.ToLookup(u => u.Code));
    }

    private sealed class CodeResolver(ILookup<string, AdministrativeUnit> byCode) : IUnitCodeResolver
    {
        public UnitRef? Find(string code, DateOnly on) =>
            byCode[code].FirstOrDefault(u => u.IsInForceOn(on)) is { } unit ? ToRef(unit) : null;
    }

    public async Task<IReadOnlyList<UnitRef>> ChildrenAsync(Guid parentId, DateOnly on, CancellationToken cancellationToken)
    {
        var children = await db.Set<AdministrativeUnit>().AsNoTracking().InForceOn(on)
            .Where(u => u.ParentId == parentId).OrderBy(u => u.Code).ToListAsync(cancellationToken);
        return children.Select(ToRef).ToList();
    }

    public async Task<IReadOnlyList<UnitRef>> AncestryAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var chain = new List<UnitRef>();
        for (Guid? id = unitId; id is { } current && chain.Count < 8;)
        {
            var unit = await db.Set<AdministrativeUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == current, cancellationToken);
            if (unit is null)
            {
                break;
            }

            chain.Add(ToRef(unit));
            id = unit.ParentId;
        }

        chain.Reverse();
        return chain;
    }

    public async Task<IReadOnlyDictionary<Guid, UnitRef>> GetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        var units = await db.Set<AdministrativeUnit>().AsNoTracking().Where(u => list.Contains(u.Id)).ToListAsync(cancellationToken);
        return units.ToDictionary(u => u.Id, ToRef);
    }

    public async Task<IReadOnlyList<LineageEntry>?> SuccessorsAsync(string code, DateOnly on, CancellationToken cancellationToken)
    {
        var unit = await FindAsync(code, on, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        return await (
                from link in db.Set<LineageLink>()
                join successor in db.Set<AdministrativeUnit>() on link.ToUnitId equals successor.Id
                where link.FromUnitId == unit.Id
                orderby successor.Code
                select new { successor.Code, successor.Name, link.Kind })
            .AsAsyncEnumerable()
            .Select(s => new LineageEntry(s.Code, s.Name, s.Kind == LinkKind.Full ? "full" : "partial"))
            .ToListAsync(cancellationToken);
    }

    internal static UnitRef ToRef(AdministrativeUnit u) =>
        new(u.Id, u.Code, u.Name, u.Level.ToString(), u.ParentId, u.Path, u.ValidFrom, u.ValidTo);
}
