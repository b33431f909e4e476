using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Text;
using BaoPhu.Platform.Time;
using BaoPhu.Units.Data;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.BrowseUnits;

/// <summary>Reads for the unit pages and API: children on a date, search, one unit with its lineage.</summary>
internal sealed class UnitBrowser(BaoPhuDbContext db, TimeProvider clock)
{
    private IQueryable<AdministrativeUnit> Units => db.Set<AdministrativeUnit>().AsNoTracking();

    public async Task<IReadOnlyList<UnitRow>> ChildrenAsync(Guid? parentId, DateOnly on, CancellationToken cancellationToken)
    {
        var inForce = UnitQueries.InForceOn(on);
        var rows = await Units.Where(inForce).Where(u => u.ParentId == parentId)
            .Select(u => new { Unit = u, Children = Units.Where(inForce).Count(c => c.ParentId == u.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => UnitRow.From(r.Unit, r.Children)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Units in force on the date whose name contains the words, ignoring case and diacritics, or whose code is the text.</summary>
    public async Task<IReadOnlyList<UnitRow>> SearchAsync(string text, DateOnly on, int limit, CancellationToken cancellationToken)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var pattern = "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var rows = await Units.InForceOn(on)
            .Where(u => EF.Functions.Like(u.SearchText, pattern, "\\") || u.Code == text.Trim())
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var parents = await NamesAsync(rows.Where(r => r.ParentId != null).Select(r => r.ParentId!.Value), cancellationToken);
        return rows.Select(r => UnitRow.From(r, null) with { ParentName = r.ParentId is { } p ? parents.GetValueOrDefault(p) : null }).ToList();
    }

    /// <summary>Ids from the province down to the unit itself.</summary>
    public async Task<IReadOnlyList<Guid>> ChainAsync(Guid id, CancellationToken cancellationToken)
    {
        var chain = new List<Guid>();
        for (Guid? current = id; current is { } currentId;)
        {
            var parent = await Units.Where(u => u.Id == currentId).Select(u => new { u.ParentId }).FirstOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                break;
            }

            chain.Insert(0, currentId);
            current = parent.ParentId;
        }

        return chain;
    }

    public DateOnly Today() => clock.Today();

    public async Task<UnitDetail?> DetailAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = await Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var ancestors = new List<UnitRow>();
        for (var parentId = unit.ParentId; parentId is not null;)
        {
            var parent = await Units.FirstAsync(u => u.Id == parentId, cancellationToken);
            ancestors.Insert(0, UnitRow.From(parent, null));
            parentId = parent.ParentId;
        }

        var children = await ChildrenAsync(unit.Id, ReferenceDate(unit), cancellationToken);
        var successors = await LinkedAsync(db.Set<LineageLink>().Where(l => l.FromUnitId == id), l => l.ToUnitId, cancellationToken);
        var predecessors = await LinkedAsync(db.Set<LineageLink>().Where(l => l.ToUnitId == id), l => l.FromUnitId, cancellationToken);
        var versions = await Units.Where(u => u.Code == unit.Code && u.Level == unit.Level && u.Id != unit.Id)
            .OrderBy(u => u.ValidFrom).ToListAsync(cancellationToken);
        return new UnitDetail(UnitRow.From(unit, children.Count), ancestors, children, predecessors, successors,
            versions.Select(v => UnitRow.From(v, null)).ToList());
    }

    /// <summary>A day the unit was in force: today if it still is, else its last day (or its first, if not yet).</summary>
    private DateOnly ReferenceDate(AdministrativeUnit unit)
    {
        var today = Today();
        if (unit.ValidTo is { } to && to <= today)
        {
            return to.AddDays(-1);
        }

        return unit.ValidFrom is { } from && from > today ? from : today;
    }

    private async Task<IReadOnlyList<LinkRow>> LinkedAsync(
        IQueryable<LineageLink> links, System.Linq.Expressions.Expression<Func<LineageLink, Guid>> other, CancellationToken cancellationToken)
    {
        var rows = await links.AsNoTracking().Join(Units, other, u => u.Id, (l, u) => new { Link = l, Unit = u })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Unit.Code, StringComparer.Ordinal)
            .Select(r => new LinkRow(r.Link.Id, UnitRow.From(r.Unit, null), r.Link.Kind, r.Link.EffectiveOn, r.Link.ForwardShare, r.Link.BackwardShare))
            .ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await Units.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }
}

public sealed record UnitRow(
    Guid Id, string Code, string Name, string TypeName, UnitLevel Level, Guid? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo, int? ChildCount,
    string? ParentName = null)
{
    internal static UnitRow From(AdministrativeUnit u, int? children) =>
        new(u.Id, u.Code, u.Name, u.TypeName, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, children);
}

public sealed record LinkRow(Guid LinkId, UnitRow Unit, LinkKind Kind, DateOnly EffectiveOn, decimal? ForwardShare, decimal? BackwardShare);

public sealed record UnitDetail(
    UnitRow Unit, IReadOnlyList<UnitRow> Ancestors, IReadOnlyList<UnitRow> Children,
    IReadOnlyList<LinkRow> Predecessors, IReadOnlyList<LinkRow> Successors, IReadOnlyList<UnitRow> OtherVersions);
