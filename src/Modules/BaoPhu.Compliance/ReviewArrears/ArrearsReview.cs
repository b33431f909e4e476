using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Data;
using BaoPhu.Compliance.Domain;
using BaoPhu.Compliance.RankEmployers;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Tabular;
using BaoPhu.Platform.Time;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.ReviewArrears;

/// <summary>How an employer's arrears stand, gravest first.</summary>
internal enum ArrearsClass
{
    /// <summary>Dissolved, suspended or absconded, owing.</summary>
    Closed,

    /// <summary>A month unpaid more than 60 days past its deadline (trốn đóng).</summary>
    Evasion,

    /// <summary>Months unpaid up to 60 days past their deadline (chậm đóng).</summary>
    Late,
}

/// <param name="LongStanding">The oldest month unpaid is at least <see cref="ArrearsReview.LongStandingMonths"/> months before the reference month (nợ kéo dài).</param>
internal sealed record ArrearsLine(
    string TaxCode, string? Name, string? Commune, string? Status, ArrearsClass Class, int MonthsOwed, string? OldestMonth,
    long Owed, long Interest, bool LongStanding, Guid? CaseId, CaseStep? LastStep, long Recovered);

/// <param name="RecoveredInMonth">Recovered by the cases of the area in the calendar month starting <see cref="Month"/>.</param>
internal sealed record ArrearsSummary(
    IReadOnlyList<ArrearsLine> Lines, string? ReferenceMonth, DateOnly Month, bool UnknownUnit, long RecoveredInMonth, long RecoveredInAll);

/// <summary>
/// The monthly review of arrears the seeds ask for (002 III.2): every employer of the area owing
/// contributions, "especially those with long arrears, closed, dissolved or absconded, or evading on
/// purpose", with where its case stands, and what the area's cases recovered.
/// </summary>
internal sealed class ArrearsReview(BaoPhuDbContext db, FindingTallies tallies, IUnitDirectory units)
{
    /// <summary>Arrears are long-standing (nợ kéo dài) from three months: a quarter unpaid.</summary>
    public const int LongStandingMonths = 3;

    /// <summary>The first day of the month asked for (yyyy-MM), else of the current month in Vietnam.</summary>
    public static DateOnly MonthOrCurrent(string? month, TimeProvider clock)
    {
        if (month is { Length: 7 } && TabularValues.TryPeriod(month, out var year, out var number))
        {
            return new DateOnly(year, number, 1);
        }

        var today = clock.Today();
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <param name="month">The first day of the calendar month whose recoveries are summed.</param>
    public async Task<ArrearsSummary> ReviewAsync(string? unitCode, ArrearsClass? only, bool longOnly, DateOnly month, CancellationToken cancellationToken)
    {
        var tallied = await tallies.TallyAsync(unitCode, cancellationToken);
        var owing = tallied.Employers.Where(t => t.HasArrears)
            .Select(t => (Tally: t, Class: ClassOf(t)))
            .Where(e => only is null || e.Class == only)
            .Where(e => !longOnly || e.Tally.ArrearsMonths >= LongStandingMonths)
            .OrderBy(e => e.Class).ThenByDescending(e => e.Tally.Arrears).ThenBy(e => e.Tally.TaxCode, StringComparer.Ordinal)
            .ToList();

        var caseIds = await EmployerRisks.CaseIdsAsync(db, [.. owing.Select(e => e.Tally.TaxCode)], cancellationToken);
        var steps = (await db.Set<CaseStep>().AsNoTracking().Where(s => caseIds.Values.Contains(s.CaseId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.CaseId);
        var communes = await units.GetAsync([.. owing.Select(e => e.Tally.Facts?.UnitId).OfType<Guid>().Distinct()], cancellationToken);
        var lines = owing.Select(e =>
        {
            var caseId = caseIds.TryGetValue(e.Tally.TaxCode, out var id) ? id : (Guid?)null;
            var caseSteps = caseId is { } c ? steps[c].ToList() : [];
            return new ArrearsLine(
                e.Tally.TaxCode, e.Tally.Facts?.Name, e.Tally.Facts?.UnitId is { } unit ? communes.GetValueOrDefault(unit)?.Name : null,
                e.Tally.Facts?.Status, e.Class, e.Tally.MonthsOwed, e.Tally.OldestArrears, e.Tally.Arrears, e.Tally.Interest,
                e.Tally.ArrearsMonths >= LongStandingMonths, caseId,
                caseSteps.OrderByDescending(s => s.On).ThenByDescending(s => s.At).FirstOrDefault(),
                caseSteps.Where(s => s.Kind == CaseStepKind.Recovery).Sum(s => s.Amount ?? 0));
        }).ToList();

        var (inMonth, inAll) = await RecoveredAsync(tallied.Covered, month, cancellationToken);
        return new ArrearsSummary(lines, tallied.ReferenceMonth, month, tallied.UnknownUnit, inMonth, inAll);
    }

    /// <summary>What the cases of the area (scope-filtered) recovered in the month and in all.</summary>
    private async Task<(long InMonth, long InAll)> RecoveredAsync(IReadOnlyList<Guid>? covered, DateOnly month, CancellationToken cancellationToken)
    {
        var cases = db.Set<EnforcementCase>().AsNoTracking();
        if (covered is not null)
        {
            cases = cases.Where(c => c.UnitId != null && covered.Contains(c.UnitId.Value));
        }

        var recoveries = await cases.SelectMany(c => c.Steps).Where(s => s.Kind == CaseStepKind.Recovery)
            .Select(s => new { s.On, s.Amount }).ToListAsync(cancellationToken);
        return (recoveries.Where(r => r.On >= month && r.On < month.AddMonths(1)).Sum(r => r.Amount ?? 0), recoveries.Sum(r => r.Amount ?? 0));
    }

    private static ArrearsClass ClassOf(EmployerTally tally) =>
        tally.Of(FindingKinds.ClosedWithArrears) is not null || tally.Facts?.Status is "Dissolved" or "Suspended" or "Absconded" ? ArrearsClass.Closed
        : tally.Of(FindingKinds.Evasion) is not null ? ArrearsClass.Evasion
        : ArrearsClass.Late;
}
