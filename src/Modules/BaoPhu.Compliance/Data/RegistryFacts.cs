using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.Data;

/// <summary>An employer as the registry's read model knows it, with its workforce in the latest month it was listed.</summary>
internal sealed record EmployerFacts(string TaxCode, string? Name, string? Vsic, Guid? UnitId, string? Status, string? SiStatus, int TaxEmployees, int SiParticipants)
{
    /// <summary>The larger of the two agencies' headcounts: a firm hiding workers from one still shows them to the other.</summary>
    public int Workforce => Math.Max(TaxEmployees, SiParticipants);
}

/// <summary>
/// What this module reads from the Registry module's tables (documented in the Registry README as
/// read by Compliance): the employers' read model and the months of contributions loaded.
/// </summary>
internal static class RegistryFacts
{
    /// <summary>The latest month of contributions loaded (yyyy-MM): the month the data stands at; null before any.</summary>
    public static Task<string?> LatestContributionMonthAsync(BaoPhuDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string?>($"SELECT MAX(period) AS \"Value\" FROM registry_si_contribution").SingleAsync(cancellationToken);

    /// <summary>
    /// Every employer with a standing finding (or the one asked for), whatever the user's scope:
    /// callers join it to findings read through the scope filter.
    /// </summary>
    public static async Task<Dictionary<string, EmployerFacts>> EmployersWithFindingsAsync(BaoPhuDbContext db, string? taxCode, CancellationToken cancellationToken) =>
        (await (taxCode is null ? WithFindings(db) : WithFindings(db).Where(e => e.TaxCode == taxCode)).ToListAsync(cancellationToken))
        .ToDictionary(e => e.TaxCode, StringComparer.Ordinal);

    private static IQueryable<EmployerFacts> WithFindings(BaoPhuDbContext db) =>
        db.Database.SqlQuery<EmployerFacts>(
            $"""
            SELECT e.tax_code, e.name, e.vsic, e.unit_id, e.status, e.si_status,
                   COALESCE(m.tax_employees, 0) AS tax_employees, COALESCE(m.si_participants, 0) AS si_participants
            FROM registry_employer e
            LEFT JOIN registry_employer_month m ON m.tax_code = e.tax_code AND m.period = e.last_period
            WHERE e.tax_code IN (SELECT employer_tax_code FROM compliance_finding WHERE gone = FALSE)
            """);
}
