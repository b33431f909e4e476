using BaoPhu.Compliance.Contracts;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.RunCrossCheck;

/// <summary>
/// The statements that find each kind of problem for one month, each inserting its findings into
/// <c>compliance_candidate</c> under the run's id, with the feed row that shows it. Definitions are
/// those of the Compliance README; the same text runs on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// "Is there such a row" tests are joins on a derived table of distinct keys rather than correlated
/// subqueries: PostgreSQL turns either into a hash anti-join, but SQLite indexes a derived table
/// once, where it would scan an unindexed feed table for every outer row.
/// </remarks>
internal sealed class CandidateSql(BaoPhuDbContext db, Guid runId, string period, CancellationToken cancellationToken)
{
    private const string Insert = """
        INSERT INTO compliance_candidate
            (run_id, kind, employer_tax_code, person_key, person_id, weak_match, period, unit_id, amount, interest, evidence_feed, evidence_intake, evidence_row)
        """;

    /// <summary>
    /// Enterprises and cooperatives active at the month's end, founded at least 30 days before it,
    /// with employees declared to tax in the month, and no SI registration by its end.
    /// </summary>
    public Task UnregisteredEmployersAsync(DateOnly monthEnd, DateOnly foundedBy) =>
        InsertAsync(
            $"""
            SELECT {runId}, {FindingKinds.UnregisteredEmployer}, b.tax_code, '', NULL, FALSE, {period}, b.commune_id, NULL, NULL,
                   'business-registry', b.batch_id, b.source_row
            FROM registry_business b
            JOIN (SELECT DISTINCT employer_tax_code FROM registry_tax_employee WHERE period = {period}) t ON t.employer_tax_code = b.tax_code
            LEFT JOIN (SELECT DISTINCT employer_tax_code FROM registry_si_employer WHERE registered_on <= {monthEnd}) s ON s.employer_tax_code = b.tax_code
            WHERE b.kind IN ('Enterprise', 'Cooperative')
              AND (b.status = 'Active' OR b.status_on > {monthEnd})
              AND b.founded_on <= {foundedBy}
              AND s.employer_tax_code IS NULL
            """);

    /// <summary>
    /// Employees with taxable income in the month and no SI that month at any employer (compulsory
    /// SI only, for the headcount gap; any scheme, for an uninsured worker). A tax row without a
    /// usable ID is matched to a person by folded name and birth date (one person only), and marked
    /// as a weaker match.
    /// </summary>
    public Task PersonGapsAsync(string kind, bool compulsoryOnly) =>
        InsertAsync(
            $"""
            SELECT {runId}, {kind}, t.employer_tax_code,
                   COALESCE(t.person_id, w.person_id, t.name_key || '|' || COALESCE(CAST(t.birth_date AS VARCHAR(10)), '')),
                   COALESCE(t.person_id, w.person_id), t.person_id IS NULL, {period}, e.unit_id, t.gross_income, NULL,
                   'tax-employees', t.batch_id, t.source_row
            FROM registry_tax_employee t
            LEFT JOIN (
                SELECT name_key, birth_date, MIN(person_id) AS person_id FROM registry_worker
                GROUP BY name_key, birth_date HAVING COUNT(*) = 1
            ) w ON t.person_id IS NULL AND w.name_key = t.name_key AND w.birth_date = t.birth_date
            LEFT JOIN (
                SELECT DISTINCT person_id FROM registry_si_participation
                WHERE period = {period} AND (scheme = 'Compulsory' OR {!compulsoryOnly})
            ) s ON s.person_id = COALESCE(t.person_id, w.person_id)
            LEFT JOIN registry_employer e ON e.tax_code = t.employer_tax_code
            WHERE t.period = {period} AND t.gross_income > 0 AND s.person_id IS NULL
            """);

    /// <summary>Employers whose payroll declared to tax for the year exceeds the tolerance over the compulsory insured wages of its months loaded.</summary>
    public Task PayrollGapAsync(int year, int tolerancePercent)
    {
        var months = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-%";
        var yearText = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return InsertAsync(
            $"""
            SELECT {runId}, {FindingKinds.PayrollGap}, p.employer_tax_code, '', NULL, FALSE, {yearText}, e.unit_id,
                   p.payroll_total - COALESCE(w.insured, 0), NULL, 'tax-payroll', p.batch_id, p.source_row
            FROM registry_tax_payroll p
            LEFT JOIN (
                SELECT employer_tax_code, SUM(insured_wage) AS insured FROM registry_si_participation
                WHERE period LIKE {months} AND scheme = 'Compulsory' AND employer_tax_code IS NOT NULL
                GROUP BY employer_tax_code
            ) w ON w.employer_tax_code = p.employer_tax_code
            LEFT JOIN registry_employer e ON e.tax_code = p.employer_tax_code
            WHERE p.year = {year} AND p.payroll_total * 100 > COALESCE(w.insured, 0) * {tolerancePercent}
            """);
    }

    /// <summary>Compulsory participants of the month insured below the floor then in force.</summary>
    public Task WagesBelowFloorAsync(long floor) =>
        InsertAsync(
            $"""
            SELECT {runId}, {FindingKinds.WageBelowFloor}, COALESCE(s.employer_tax_code, ''), s.person_id, s.person_id, FALSE, {period}, e.unit_id,
                   s.insured_wage, NULL, 'si-participants', s.batch_id, s.source_row
            FROM registry_si_participation s
            LEFT JOIN registry_employer e ON e.tax_code = s.employer_tax_code
            WHERE s.period = {period} AND s.scheme = 'Compulsory' AND s.insured_wage < {floor}
            """);

    /// <summary>The month's contributions paid short, past the deadline by <paramref name="daysLate"/> days, with interest at 0.03% a day.</summary>
    public Task ArrearsAsync(string kind, int daysLate) =>
        InsertAsync(
            $"""
            SELECT {runId}, {kind}, c.employer_tax_code, '', NULL, FALSE, {period}, e.unit_id,
                   c.amount_due - c.amount_paid, (c.amount_due - c.amount_paid) * 3 * {daysLate} / 10000, 'si-contributions', c.batch_id, c.source_row
            FROM registry_si_contribution c
            LEFT JOIN registry_employer e ON e.tax_code = c.employer_tax_code
            WHERE c.period = {period} AND c.amount_paid < c.amount_due
            """);

    /// <summary>
    /// Employers the business registry lists as dissolved, suspended or absconded by the as-of day,
    /// with contributions of any month paid short past its deadline: the sum of those arrears.
    /// </summary>
    public Task ClosedWithArrearsAsync(DateOnly asOf, string lastOverdueMonth) =>
        InsertAsync(
            $"""
            SELECT {runId}, {FindingKinds.ClosedWithArrears}, b.tax_code, '', NULL, FALSE, '', b.commune_id,
                   a.owed, NULL, 'business-registry', b.batch_id, b.source_row
            FROM registry_business b
            JOIN (
                SELECT employer_tax_code, SUM(amount_due - amount_paid) AS owed FROM registry_si_contribution
                WHERE amount_paid < amount_due AND period <= {lastOverdueMonth}
                GROUP BY employer_tax_code
            ) a ON a.employer_tax_code = b.tax_code
            WHERE b.status IN ('Dissolved', 'Suspended', 'Absconded') AND b.status_on <= {asOf}
            """);

    /// <summary>The INSERT's column list put before a SELECT whose values stay parameters.</summary>
    private Task<int> InsertAsync(FormattableString select) =>
        db.Database.ExecuteSqlAsync(
            System.Runtime.CompilerServices.FormattableStringFactory.Create(Insert + "\n" + select.Format, select.GetArguments()),
            cancellationToken);
}
