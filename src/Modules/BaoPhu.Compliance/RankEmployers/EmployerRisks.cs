using BaoPhu.Compliance.Data;
using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Text;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.RankEmployers;

/// <param name="UnitCode">A province, district or commune code in force today: its employers and those of the units under it; null for the user's whole area.</param>
/// <param name="Sector">A VSIC 2018 section letter; null for every sector.</param>
internal sealed record RiskFilter(string? UnitCode, string? Sector);

/// <summary>One employer in the ranking, with why it ranks where it does.</summary>
internal sealed record EmployerRisk(
    int Rank, string TaxCode, string? Name, string? Commune, VsicSection? Sector, int Workforce, int Score,
    IReadOnlyList<RiskReason> Reasons, long Arrears, Guid? CaseId);

/// <param name="Employers">Employers with standing findings that the filter keeps, before the cut to the top.</param>
/// <param name="UnknownUnit">The unit code asked for names no unit in force today.</param>
internal sealed record RiskRanking(IReadOnlyList<EmployerRisk> Rows, int Employers, string? ReferenceMonth, bool UnknownUnit);

/// <summary>Ranks the employers of the user's area by risk score (<see cref="RiskRules"/>), highest first.</summary>
internal sealed class EmployerRisks(BaoPhuDbContext db, FindingTallies tallies, IUnitDirectory units)
{
    public async Task<RiskRanking> RankAsync(RiskFilter filter, int top, CancellationToken cancellationToken)
    {
        var tallied = await tallies.TallyAsync(filter.UnitCode, cancellationToken);
        var sector = VsicSections.ByLetter(filter.Sector);
        var scored = tallied.Employers
            .Where(t => sector is null || VsicSections.Of(t.Facts?.Vsic) == sector)
            .Select(t => (Tally: t, Reasons: RiskRules.Reasons(t)))
            .Select(e => (e.Tally, e.Reasons, Score: e.Reasons.Sum(r => r.Points)))
            .OrderByDescending(e => e.Score).ThenByDescending(e => e.Tally.Arrears).ThenByDescending(e => e.Tally.Workforce)
            .ThenBy(e => e.Tally.TaxCode, StringComparer.Ordinal)
            .ToList();

        var chosen = scored.Take(top).ToList();
        var cases = await CaseIdsAsync(db, [.. chosen.Select(e => e.Tally.TaxCode)], cancellationToken);
        var communes = await units.GetAsync([.. chosen.Select(e => e.Tally.Facts?.UnitId).OfType<Guid>().Distinct()], cancellationToken);
        var rows = chosen.Select((e, i) => new EmployerRisk(
                i + 1, e.Tally.TaxCode, e.Tally.Facts?.Name, e.Tally.Facts?.UnitId is { } id ? communes.GetValueOrDefault(id)?.Name : null,
                VsicSections.Of(e.Tally.Facts?.Vsic), e.Tally.Workforce, e.Score, e.Reasons, e.Tally.Arrears, cases.TryGetValue(e.Tally.TaxCode, out var caseId) ? caseId : null))
            .ToList();
        return new RiskRanking(rows, scored.Count, tallied.ReferenceMonth, tallied.UnknownUnit);
    }

    /// <summary>The enforcement case of each of these employers that has one.</summary>
    public static async Task<Dictionary<string, Guid>> CaseIdsAsync(BaoPhuDbContext db, IReadOnlyCollection<string> taxCodes, CancellationToken cancellationToken) =>
        (await db.Set<EnforcementCase>().AsNoTracking().Where(c => taxCodes.Contains(c.EmployerTaxCode))
            .Select(c => new { c.EmployerTaxCode, c.Id }).ToListAsync(cancellationToken))
        .GroupBy(c => c.EmployerTaxCode).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
}
