using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Targets.AssignTargets;

/// <summary>One version of a target as the targets page lists it.</summary>
internal sealed record TargetVersionRow(
    int Version, decimal Value, TargetState State, TargetOrigin Origin, DateTime SetAt, string SetBy, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionBody);

/// <summary>A unit's target for one indicator: the version in force, the open draft if any, and every version.</summary>
internal sealed record TargetCell(TargetVersionRow? InForce, TargetVersionRow? Draft, IReadOnlyList<TargetVersionRow> History)
{
    /// <summary>What the unit is working to: the draft while nothing is approved, else the approved value.</summary>
    public decimal? Value => InForce?.Value;
}

/// <param name="ChildrenSum">The children's targets in force added up (counts only); null when no child has one.</param>
internal sealed record TargetLine(Indicator Indicator, TargetCell Own, IReadOnlyDictionary<Guid, TargetCell> Children, decimal? ChildrenSum)
{
    public decimal? Difference => Own.Value is { } own && ChildrenSum is { } sum ? own - sum : null;
}

internal sealed record TargetSheet(UnitRef Unit, int Year, DateOnly On, IReadOnlyList<UnitRef> Children, IReadOnlyList<TargetLine> Lines, int Drafts);

/// <summary>The coordinator's view of a unit's targets for a year against its children's.</summary>
internal sealed class TargetBoard(BaoPhuDbContext db, IUnitDirectory units, UnitScope scope)
{
    public async Task<TargetSheet?> SheetAsync(string unitCode, int year, DateOnly on, CancellationToken cancellationToken)
    {
        if (await units.FindAsync(unitCode, on, cancellationToken) is not { } unit || !scope.Contains(unit.Id))
        {
            return null;
        }

        var children = await units.ChildrenAsync(unit.Id, on, cancellationToken);
        var ids = children.Select(c => c.Id).Append(unit.Id).ToList();
        var versions = await db.Set<TargetVersion>().AsNoTracking()
            .Where(t => t.Year == year && ids.Contains(t.UnitId))
            .ToListAsync(cancellationToken);
        var decisionIds = versions.Where(v => v.DecisionId is not null).Select(v => v.DecisionId!.Value).Distinct().ToList();
        var decisions = await db.Set<TargetDecisionRecord>().AsNoTracking()
            .Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var byKey = versions.ToLookup(v => (v.UnitId, v.Indicator));

        TargetCell Cell(Guid unitId, string code)
        {
            var rows = byKey[(unitId, code)].OrderByDescending(v => v.Version).Select(v =>
            {
                var decision = v.DecisionId is { } id ? decisions.GetValueOrDefault(id) : null;
                return (Entity: v, Row: new TargetVersionRow(
                    v.Version, v.Value, v.State, v.Origin, v.SetAt, v.SetBy, decision?.Number, decision?.Date, decision?.Body));
            }).ToList();
            var approved = rows.FirstOrDefault(r => r.Entity.State == TargetState.Approved).Row;
            var draft = rows.FirstOrDefault(r => r.Entity.State == TargetState.Draft && r == rows[0]).Row;
            return new TargetCell(approved ?? draft, draft, rows.Select(r => r.Row).ToList());
        }

        var lines = IndicatorCatalog.Standard.All
            .Where(i => i.Kind != IndicatorKind.Growth)
            .Select(indicator =>
            {
                var own = Cell(unit.Id, indicator.Code);
                var childCells = children.ToDictionary(c => c.Id, c => Cell(c.Id, indicator.Code));
                var values = childCells.Values.Select(c => c.Value).OfType<decimal>().ToList();
                decimal? sum = indicator.Kind == IndicatorKind.Count && values.Count > 0 ? values.Sum() : null;
                return new TargetLine(indicator, own, childCells, sum);
            })
            .ToList();
        var drafts = versions.GroupBy(v => (v.UnitId, v.Indicator)).Count(g => g.MaxBy(v => v.Version)!.State == TargetState.Draft);
        return new TargetSheet(unit, year, on, children, lines, drafts);
    }
}
