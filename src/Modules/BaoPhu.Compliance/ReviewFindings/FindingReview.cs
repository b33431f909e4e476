using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Time;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.ReviewFindings;

/// <summary>
/// The review of findings and the cases they go into, for the signed-in user: every finding and case
/// is read through the unit-scope filter, so a user acts only on those of their area.
/// </summary>
internal sealed class FindingReview(BaoPhuDbContext db, IActor actor, TimeProvider clock, IUnitDirectory units, IUnitScopeSource scopes)
{
    /// <param name="unitCode">The finding's commune or a unit above it, in force today; null or empty to leave it to the commune.</param>
    public async Task AssignAsync(long findingId, string agency, string? unitCode, CancellationToken cancellationToken)
    {
        var finding = await FindAsync(findingId, cancellationToken);
        Guid? unitId = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var today = clock.Today();
            var unit = await units.FindAsync(unitCode.Trim(), today, cancellationToken)
                ?? throw new FindingException(
                    $"Không có đơn vị mã '{unitCode.Trim()}' vào ngày {today:dd/MM/yyyy} / No unit has code '{unitCode.Trim()}' on {today:yyyy-MM-dd}");
            if (finding.UnitId is { } commune && !(await scopes.UnitIdsCoveredByAsync(unit.Id, cancellationToken)).Contains(commune))
            {
                throw new FindingException(
                    $"{unit.Name} không quản lý địa bàn của phát hiện này / {unit.Name} does not cover the finding's commune");
            }

            unitId = unit.Id;
        }

        db.Add(finding.AssignTo(agency, unitId, actor.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MoveAsync(long findingId, FindingState next, string? reason, CancellationToken cancellationToken)
    {
        var finding = await FindAsync(findingId, cancellationToken);
        db.Add(finding.MoveTo(next, reason, actor.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Puts a confirmed finding into its employer's open case, opening one if there is none; returns the case.</summary>
    public async Task<Guid> OpenCaseAsync(long findingId, CancellationToken cancellationToken)
    {
        var finding = await FindAsync(findingId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<EnforcementCase>().FirstOrDefaultAsync(c => c.EmployerTaxCode == finding.EmployerTaxCode, cancellationToken);
        if (open is null)
        {
            open = new EnforcementCase { Id = Guid.CreateVersion7(), EmployerTaxCode = finding.EmployerTaxCode, UnitId = finding.UnitId, OpenedAt = now, OpenedBy = actor.Name };
            db.Add(open);
        }

        db.Add(finding.PutInCase(open.Id, actor.Name, now));
        await db.SaveChangesAsync(cancellationToken);
        return open.Id;
    }

    public async Task RecordAsync(Guid caseId, CaseStepKind kind, DateOnly on, long? amount, string? document, string? note, CancellationToken cancellationToken)
    {
        var found = await db.Set<EnforcementCase>().Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new FindingException("Không có hồ sơ này trong địa bàn của bạn / There is no such case in your area");
        db.Add(found.Record(kind, on, amount, document, note, actor.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Finding> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<Finding>().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new FindingException("Không có phát hiện này trong địa bàn của bạn / There is no such finding in your area");
}
