using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Time;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.Data;

/// <param name="Covered">The ids of the unit asked for and the units under it; null for the user's whole area.</param>
/// <param name="UnknownUnit">The unit code asked for names no unit in force today.</param>
internal sealed record TallyResult(IReadOnlyList<EmployerTally> Employers, string? ReferenceMonth, IReadOnlyList<Guid>? Covered, bool UnknownUnit);

/// <summary>
/// The standing findings (not gone, not dismissed) of the user's area, or of a unit in it, tallied per
/// employer and kind on the database, each employer beside what the registry knows of it.
/// </summary>
internal sealed class FindingTallies(BaoPhuDbContext db, IUnitDirectory units, IUnitScopeSource scopes, TimeProvider clock)
{
    /// <param name="unitCode">A province, district or commune code in force today; null or empty for the whole area.</param>
    /// <param name="employer">One employer's tax code, for its own tally; null for every employer.</param>
    public async Task<TallyResult> TallyAsync(string? unitCode, CancellationToken cancellationToken, string? employer = null)
    {
        var findings = db.Set<Finding>().AsNoTracking().Where(f => !f.Gone && f.State != FindingState.Dismissed);
        if (employer is not null)
        {
            findings = findings.Where(f => f.EmployerTaxCode == employer);
        }

        IReadOnlyList<Guid>? covered = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await units.FindAsync(unitCode.Trim(), clock.Today(), cancellationToken);
            if (unit is null)
            {
                return new TallyResult([], null, null, UnknownUnit: true);
            }

            covered = await scopes.UnitIdsCoveredByAsync(unit.Id, cancellationToken);
            var ids = covered;
            findings = findings.Where(f => f.UnitId != null && ids.Contains(f.UnitId.Value));
        }

        var tallies = await findings
            .GroupBy(f => new { f.EmployerTaxCode, f.Kind })
            .Select(g => new
            {
                g.Key.EmployerTaxCode,
                g.Key.Kind,
                Findings = g.Count(),
                Persons = g.Select(f => f.PersonKey).Distinct().Count(),
                Amount = g.Sum(f => f.Amount ?? 0),
                Interest = g.Sum(f => f.Interest ?? 0),
                Oldest = g.Min(f => f.Period),
            })
            .ToListAsync(cancellationToken);
        var employers = await RegistryFacts.EmployersWithFindingsAsync(db, employer, cancellationToken);
        var reference = await ReferenceMonthAsync(cancellationToken);
        return new TallyResult(
            [.. tallies.GroupBy(t => t.EmployerTaxCode, StringComparer.Ordinal).Select(g => new EmployerTally(
                g.Key,
                g.ToDictionary(t => t.Kind, t => new KindTally(t.Kind, t.Findings, t.Persons, t.Amount, t.Interest, t.Oldest ?? "")),
                employers.GetValueOrDefault(g.Key),
                reference))],
            reference,
            covered,
            UnknownUnit: false);
    }

    /// <summary>The month of the day the latest cross-check aged arrears to (yyyy-MM); null before any run.</summary>
    private async Task<string?> ReferenceMonthAsync(CancellationToken cancellationToken)
    {
        var asOf = await db.Set<CrossCheckRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Select(r => (DateOnly?)r.AsOf).FirstOrDefaultAsync(cancellationToken);
        return asOf?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }
}
