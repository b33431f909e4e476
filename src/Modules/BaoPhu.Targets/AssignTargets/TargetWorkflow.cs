using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Targets.Rollup;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Targets.AssignTargets;

/// <summary>
/// Setting, proposing and approving targets. Every change rebuilds the year's roll-up in the same
/// transaction, so dashboards show the targets in force at once.
/// </summary>
internal sealed class TargetWorkflow(
    BaoPhuDbContext db, IActor actor, TimeProvider clock, IUnitDirectory units, RollupRefresher rollup, AuditLog audit, UnitScope scope) : ITargetWorkflow
{
    public Task SetAsync(Guid unitId, int year, string indicator, decimal value, CancellationToken cancellationToken) =>
        SetAsync(unitId, year, [(indicator, value)], TargetOrigin.Assigned, cancellationToken);

    /// <summary>Sets several indicators of one unit and year at once (a form's row of inputs).</summary>
    public Task<int> SetAsync(
        Guid unitId, int year, IReadOnlyList<(string Indicator, decimal Value)> values, TargetOrigin origin, CancellationToken cancellationToken) =>
        SetAsync(year, values.Select(v => (unitId, v.Indicator, v.Value)).ToList(), origin, cancellationToken);

    /// <summary>Sets targets of several units for one year in one transaction, e.g. an indicator split among the children.</summary>
    public async Task<int> SetAsync(
        int year, IReadOnlyList<(Guid UnitId, string Indicator, decimal Value)> values, TargetOrigin origin, CancellationToken cancellationToken)
    {
        foreach (var (_, code, value) in values)
        {
            if (IndicatorCatalog.Standard.Find(code) is not { } indicator)
            {
                throw new TargetException($"Mã chỉ tiêu không có trong danh mục: {code} / Unknown indicator code: {code}");
            }

            if (value < 0 || (indicator.Kind is IndicatorKind.Rate or IndicatorKind.Index && value > 100))
            {
                throw new TargetException($"Giá trị không hợp lệ cho {code}: {value} / Not a valid value for {code}: {value}");
            }
        }

        var unitIds = values.Select(v => v.UnitId).Distinct().ToList();
        if ((await units.GetAsync(unitIds, cancellationToken)).Count != unitIds.Count)
        {
            throw new TargetException("Không có đơn vị này / No such unit");
        }

        unitIds.ForEach(EnsureInScope);

        var codes = values.Select(v => v.Indicator).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = (await db.Set<TargetVersion>()
                .Where(t => unitIds.Contains(t.UnitId) && t.Year == year && codes.Contains(t.Indicator))
                .ToListAsync(cancellationToken))
            .ToLookup(t => (t.UnitId, t.Indicator));
        var at = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var (unitId, code, value) in values)
        {
            var (outcome, added) = TargetBook.Set(existing[(unitId, code)].ToList(), unitId, year, code, value, origin, at, actor.Name);
            if (added is not null)
            {
                db.Add(added);
            }

            changed += outcome == TargetBook.Outcome.Unchanged ? 0 : 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed > 0)
        {
            await rollup.RefreshAsync([year], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<int> ApproveAsync(Guid unitId, int year, TargetDecision decision, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(decision.Number) || string.IsNullOrWhiteSpace(decision.Body))
        {
            throw new TargetException("Cần số quyết định và cơ quan quyết định / The decision's number and body are required");
        }

        var unit = (await units.GetAsync([unitId], cancellationToken)).GetValueOrDefault(unitId)
            ?? throw new TargetException("Không có đơn vị này / No such unit");
        EnsureInScope(unitId);
        var on = new DateOnly(year, 12, 31);
        var children = await units.ChildrenAsync(unitId, unit.ValidTo is { } to && to <= on ? to.AddDays(-1) : on, cancellationToken);
        var covered = children.Select(c => c.Id).Append(unitId).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var at = clock.GetUtcNow().UtcDateTime;
        var record = TargetDecisionRecord.Create(unitId, year, decision.Number.Trim(), decision.Date, decision.Body.Trim(), decision.Note?.Trim(), at, actor.Name);
        var versions = await db.Set<TargetVersion>()
            .Where(t => t.Year == year && covered.Contains(t.UnitId))
            .ToListAsync(cancellationToken);
        var approved = versions.GroupBy(v => (v.UnitId, v.Indicator)).Count(g => TargetBook.Approve(g.ToList(), record.Id));
        if (approved == 0)
        {
            throw new TargetException("Không có chỉ tiêu nào chờ duyệt / There are no draft targets to approve");
        }

        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await rollup.RefreshAsync([year], cancellationToken);
        await audit.WriteAsync("targets.approve", "targets_decision", record.Id.ToString(),
            new { unit = unit.Code, year, decision.Number, decision.Body, targets = approved }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return approved;
    }

    private void EnsureInScope(Guid unitId)
    {
        if (!scope.Contains(unitId))
        {
            throw new TargetException("Đơn vị này ngoài phạm vi của bạn / This unit is outside your scope");
        }
    }
}
