using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Modules;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.ShowResults;

/// <summary>
/// What the cross-check and enforcement achieved in a unit and year, for the coverage dashboard: the
/// workers and employers found outside SI, the arrears standing, and the money the cases recovered.
/// </summary>
internal sealed class ComplianceCards(BaoPhuDbContext db, IUnitScopeSource scopes) : IDashboardCardSource
{
    public string Title => T("Đối chiếu và thu hồi", "Cross-check and recovery");

    public async Task<IReadOnlyList<DashboardCard>> CardsAsync(Guid unitId, int year, CancellationToken cancellationToken)
    {
        var covered = await scopes.UnitIdsCoveredByAsync(unitId, cancellationToken);
        var prefix = $"{year:D4}-";
        var findings = db.Set<Finding>().AsNoTracking()
            .Where(f => !f.Gone && f.State != FindingState.Dismissed && f.UnitId != null && covered.Contains(f.UnitId.Value));
        var ofYear = findings.Where(f => f.Period.StartsWith(prefix));
        var workers = await ofYear.Where(f => f.Kind == FindingKinds.UninsuredWorker).Select(f => f.PersonKey).Distinct().CountAsync(cancellationToken);
        var unregistered = await ofYear.Where(f => f.Kind == FindingKinds.UnregisteredEmployer)
            .Select(f => f.EmployerTaxCode).Distinct().CountAsync(cancellationToken);
        var owed = await findings.Where(f => f.Kind == FindingKinds.LatePayment || f.Kind == FindingKinds.Evasion)
            .SumAsync(f => f.Amount ?? 0, cancellationToken);
        var first = new DateOnly(year, 1, 1);
        var next = first.AddYears(1);
        var recovered = await db.Set<EnforcementCase>().AsNoTracking()
            .Where(c => c.UnitId != null && covered.Contains(c.UnitId.Value))
            .SelectMany(c => c.Steps)
            .Where(s => s.Kind == CaseStepKind.Recovery && s.On >= first && s.On < next)
            .SumAsync(s => s.Amount ?? 0, cancellationToken);
        return
        [
            new("uninsured-workers", T("Người lao động phát hiện chưa tham gia BHXH", "Workers found without any SI"), Count(workers),
                T($"có thu nhập trong năm {year}, chưa có BHXH nào", $"with income in {year}, no SI of any scheme"), $"/compliance?kind={FindingKinds.UninsuredWorker}"),
            new("unregistered-employers", T("Đơn vị phát hiện chưa đăng ký BHXH", "Employers found not registered"), Count(unregistered),
                T($"năm {year}", $"in {year}"), $"/compliance?kind={FindingKinds.UnregisteredEmployer}"),
            new("arrears", T("Số tiền chậm đóng, trốn đóng (đồng)", "Late and evaded contributions (VND)"), Count(owed),
                T("theo lần đối chiếu gần nhất", "as the latest cross-check found them"), "/compliance/arrears"),
            new("recovered", T("Số tiền đã thu hồi (đồng)", "Amount recovered (VND)"), Count(recovered),
                T($"qua hồ sơ xử lý, năm {year}", $"by enforcement cases in {year}"), "/compliance/arrears"),
        ];
    }
}
