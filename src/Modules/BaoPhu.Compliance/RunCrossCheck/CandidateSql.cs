using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.RunCrossCheck;

/// <summary>
/// The statements that find each kind of problem for one month, each an <c>INSERT … SELECT</c> of its
/// findings with the feed row that shows each: into <c>compliance_candidate</c> under the run's id, to
/// be merged (<see cref="FindingMerge"/>), for the kinds in <c>staged</c>; straight into
/// <c>compliance_finding</c> as new findings for the others, which no finding of that kind and period
/// awaits (a month's first run: nothing to merge, so the rows are written once, not twice). Definitions
/// are those of the Compliance README; the same text runs on SQLite and PostgreSQL but for how the
/// employers are joined (<see cref="Employers"/>).
/// </summary>
/// <remarks>
/// Employer-level "is there such a row" tests are joins on a derived table of distinct keys rather
/// than correlated subqueries: PostgreSQL turns either into a hash anti-join, but SQLite indexes a
/// derived table once, where it would scan an unindexed feed table for every outer row.
/// </remarks>
internal sealed partial class CandidateSql(
    BaoPhuDbContext db, DatabaseProvider provider, Guid runId, string period, DateTime now, IReadOnlySet<string> staged, CancellationToken cancellationToken)
{
    private const string Columns =
        "kind, employer_tax_code, person_key, person_id, weak_match, period, unit_id, amount, interest, evidence_feed, evidence_intake, evidence_row";

    /// <summary>Where each SELECT's list ends: the columns of the table written to, beyond those of a finding's content.</summary>
    private static readonly object Tail = new();

    /// <summary>
    /// Enterprises and cooperatives active at the month's end, founded at least 30 days before it,
    /// with employees declared to tax in the month, and no SI registration by its end.
    /// </summary>
    public Task<int> UnregisteredEmployersAsync(DateOnly monthEnd, DateOnly foundedBy) =>
        InsertAsync(
            FindingKinds.UnregisteredEmployer,
            $"""
            SELECT {FindingKinds.UnregisteredEmployer}, b.tax_code, '', NULL, FALSE, {period}, b.commune_id, NULL, NULL,
                   'business-registry', b.batch_id, b.source_row{Tail}
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
    /// SI only, for the headcount gap; any scheme, for an uninsured worker). People with a usable ID
    /// are read from <c>registry_employment</c>, tax and SI merged per employer and person: found
    /// once per employer, with their income there and the first tax row listing them as evidence. A
    /// tax row without a usable ID names whoever the registry knows by its folded name and birth
    /// date: it is insured when any of them is, and found under the one person it matches, or, where
    /// it matches none or several, under its name and birth date; either is marked as a weaker match.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The month's people are walked in the order of the index on (period, person, scheme, in tax),
    /// which holds all the test reads: who is taxed and who insured is settled without a row read, a
    /// sort or a lookup in a set of the uninsured, and only those found are read again, in the same
    /// order (on SQLite then sorted by employer, <see cref="ByEmployer"/>). On SQLite, testing each of
    /// a month's tax rows against such a set grew with the set as it outgrew the processor's cache (ten
    /// times the data, seventeen times the time; a sorted <c>EXCEPT</c> of the two feeds likewise);
    /// PostgreSQL aggregates the month's rows once by hash.
    /// </para>
    /// <para>
    /// Names are looked up only for the month's rows without an ID (<c>pairs</c>): the workers are
    /// scanned once against those few (name, birth date) pairs, and the insurance of the few workers
    /// found is looked up by its index in <c>registry_employment</c> (a person has one SI row a month,
    /// so its scheme there is theirs). A join on the name index instead would visit every worker of
    /// the common names (half the workers for a few thousand rows), and grouping all the workers cost
    /// more than the whole test of insurance. SQLite keeps the left table of a <c>CROSS JOIN</c> as the
    /// outer loop, and grouping by <c>n</c>'s columns keeps it from walking the name index for their
    /// order; PostgreSQL plans it as any inner join.
    /// </para>
    /// </remarks>
    public Task<int> PersonGapsAsync(string kind, bool compulsoryOnly) =>
        InsertAsync(
            kind,
            $"""
            WITH pairs AS (
                SELECT n.name_key, n.birth_date, CASE WHEN COUNT(*) = 1 THEN MIN(r.person_id) END AS person_id,
                       MAX(CASE WHEN EXISTS (
                           SELECT 1 FROM registry_employment m
                           WHERE m.person_id = r.person_id AND m.period = {period} AND (m.scheme = 'Compulsory' OR ({!compulsoryOnly} AND m.scheme IS NOT NULL))
                       ) THEN 1 ELSE 0 END) AS insured
                FROM registry_worker r
                CROSS JOIN (
                    SELECT DISTINCT name_key, birth_date FROM registry_tax_employee WHERE period = {period} AND person_id IS NULL
                ) n
                WHERE r.name_key = n.name_key AND r.birth_date = n.birth_date
                GROUP BY n.name_key, n.birth_date
            )
            SELECT {kind}, e.employer_tax_code, e.person_id, e.person_id, FALSE, {period}, r.unit_id, e.gross_income, CAST(NULL AS BIGINT),
                   'tax-employees', e.tax_batch_id, e.tax_source_row{Tail}
            FROM (
                SELECT e.employer_tax_code, e.person_id, e.gross_income, e.tax_batch_id, e.tax_source_row
                FROM (
                    SELECT person_id FROM registry_employment
                    WHERE period = {period}
                    GROUP BY person_id
                    HAVING MAX(CASE WHEN in_tax THEN 1 ELSE 0 END) = 1
                       AND MAX(CASE WHEN scheme = 'Compulsory' OR ({!compulsoryOnly} AND scheme IS NOT NULL) THEN 1 ELSE 0 END) = 0
                ) g
                CROSS JOIN registry_employment e
                WHERE e.period = {period} AND e.person_id = g.person_id AND e.in_tax AND e.gross_income > 0
                {ByEmployer}
            ) e
            LEFT JOIN {Employers} r ON r.tax_code = e.employer_tax_code
            UNION ALL
            SELECT {kind}, t.employer_tax_code,
                   COALESCE(w.person_id, t.name_key || '|' || COALESCE(CAST(t.birth_date AS VARCHAR(10)), '')),
                   w.person_id, TRUE, {period}, r.unit_id, t.gross_income, NULL,
                   'tax-employees', t.batch_id, t.source_row{Tail}
            FROM registry_tax_employee t
            LEFT JOIN pairs w ON w.name_key = t.name_key AND w.birth_date = t.birth_date
            LEFT JOIN {Employers} r ON r.tax_code = t.employer_tax_code
            WHERE t.period = {period} AND t.person_id IS NULL AND t.gross_income > 0 AND COALESCE(w.insured, 0) = 0
            """);

    /// <summary>Employers whose payroll declared to tax for the year exceeds the tolerance over the compulsory insured wages of its months loaded.</summary>
    public Task<int> PayrollGapAsync(int year, int tolerancePercent)
    {
        var months = year.ToString("D4", CultureInfo.InvariantCulture) + "-%";
        var yearText = year.ToString("D4", CultureInfo.InvariantCulture);
        return InsertAsync(
            FindingKinds.PayrollGap,
            $"""
            SELECT {FindingKinds.PayrollGap}, p.employer_tax_code, '', NULL, FALSE, {yearText}, e.unit_id,
                   p.payroll_total - COALESCE(w.insured, 0), NULL, 'tax-payroll', p.batch_id, p.source_row{Tail}
            FROM registry_tax_payroll p
            LEFT JOIN (
                SELECT employer_tax_code, SUM(insured_wage) AS insured FROM registry_si_participation
                WHERE period LIKE {months} AND scheme = 'Compulsory' AND employer_tax_code IS NOT NULL
                GROUP BY employer_tax_code
            ) w ON w.employer_tax_code = p.employer_tax_code
            LEFT JOIN {Employers} e ON e.tax_code = p.employer_tax_code
            WHERE p.year = {year} AND p.payroll_total * 100 > COALESCE(w.insured, 0) * {tolerancePercent}
            """);
    }

    /// <summary>Compulsory participants of the month insured below the floor then in force.</summary>
    public Task<int> WagesBelowFloorAsync(long floor) =>
        InsertAsync(
            FindingKinds.WageBelowFloor,
            $"""
            SELECT {FindingKinds.WageBelowFloor}, COALESCE(s.employer_tax_code, ''), s.person_id, s.person_id, FALSE, {period}, e.unit_id,
                   s.insured_wage, NULL, 'si-participants', s.batch_id, s.source_row{Tail}
            FROM registry_si_participation s
            LEFT JOIN {Employers} e ON e.tax_code = s.employer_tax_code
            WHERE s.period = {period} AND s.scheme = 'Compulsory' AND s.insured_wage < {floor}
            """);

    /// <summary>The month's contributions paid short, past the deadline by <paramref name="daysLate"/> days, with interest at 0.03% a day.</summary>
    public Task<int> ArrearsAsync(string kind, int daysLate) =>
        InsertAsync(
            kind,
            $"""
            SELECT {kind}, c.employer_tax_code, '', NULL, FALSE, {period}, e.unit_id,
                   c.amount_due - c.amount_paid, (c.amount_due - c.amount_paid) * 3 * {daysLate} / 10000, 'si-contributions', c.batch_id, c.source_row{Tail}
            FROM registry_si_contribution c
            LEFT JOIN {Employers} e ON e.tax_code = c.employer_tax_code
            WHERE c.period = {period} AND c.amount_paid < c.amount_due
            """);

    /// <summary>
    /// Employers the business registry lists as dissolved, suspended or absconded by the as-of day,
    /// with contributions of any month paid short past its deadline: the sum of those arrears.
    /// </summary>
    public Task<int> ClosedWithArrearsAsync(DateOnly asOf, string lastOverdueMonth) =>
        InsertAsync(
            FindingKinds.ClosedWithArrears,
            $"""
            SELECT {FindingKinds.ClosedWithArrears}, b.tax_code, '', NULL, FALSE, '', b.commune_id,
                   a.owed, NULL, 'business-registry', b.batch_id, b.source_row{Tail}
            FROM registry_business b
            JOIN (
                SELECT employer_tax_code, SUM(amount_due - amount_paid) AS owed FROM registry_si_contribution
                WHERE amount_paid < amount_due AND period <= {lastOverdueMonth}
                GROUP BY employer_tax_code
            ) a ON a.employer_tax_code = b.tax_code
            WHERE b.status IN ('Dissolved', 'Suspended', 'Absconded') AND b.status_on <= {asOf}
            """);

    /// <summary>
    /// The employers' communes (<c>registry_employer</c>: tax code, unit) that a statement's findings are
    /// placed by. PostgreSQL: behind <c>OFFSET 0</c>, which keeps the planner from looking each finding's
    /// employer up by index: it expects a few thousand rows out of an anti-join that gives tens of
    /// thousands, and a lookup costs it about 9 µs (0.3 s of a 1.8 s statement at 1M × 1M), against one
    /// hash of the table. SQLite looks each up by its key, a fraction of that; those found by ID in the
    /// order of <see cref="ByEmployer"/>.
    /// </summary>
    private SqlText Employers => new(provider == DatabaseProvider.Postgres
        ? "(SELECT tax_code, unit_id FROM registry_employer OFFSET 0)"
        : "registry_employer");

    /// <summary>
    /// SQLite: the order in which a subquery's findings are placed in their communes, the employers' own.
    /// A search first tries the leaf page its cursor is on, so each employer is then found near the last,
    /// and the findings' key, which starts with the employer, is written in its order too: at 10M × 10M
    /// the headcount gap reads 4.1 million pages from the cache instead of 5.5 million. <c>LIMIT -1</c>
    /// keeps SQLite from dropping the <c>ORDER BY</c> of a subquery. PostgreSQL hashes the employers,
    /// for which the order does not matter.
    /// </summary>
    private SqlText ByEmployer => new(provider == DatabaseProvider.Postgres ? "" : "ORDER BY e.employer_tax_code LIMIT -1");

    /// <summary>
    /// The INSERT of <paramref name="kind"/>'s findings, into the table its run writes them to, put before a
    /// SELECT whose values stay parameters, whose <see cref="SqlText"/> is put in as SQL, and whose
    /// <see cref="Tail"/> becomes the columns that table adds.
    /// </summary>
    /// <returns>The rows written.</returns>
    private Task<int> InsertAsync(string kind, FormattableString select)
    {
        var direct = !staged.Contains(kind);
        // Values are numbered again around the SQL put in; braces, the format's own syntax, are escaped once the holes are filled.
        var values = new List<object?>();
        string Value(object? value)
        {
            values.Add(value);
            return $"\0{values.Count - 1}\0";
        }

        var holes = select.GetArguments().Select(argument => argument switch
        {
            SqlText text => text.Sql,
            _ when ReferenceEquals(argument, Tail) => direct
                ? $", 'New', {Value(now)}, {Value(now)}, {Value(runId)}, FALSE"
                : $", {Value(runId)}",
            _ => Value(argument),
        }).ToArray<object?>();
        var format = ValueHole().Replace(
            string.Format(CultureInfo.InvariantCulture, select.Format, holes).Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal),
            "{$1}");
        // A key twice in the month's rows (a person a tax file lists once with an ID and once without) is one finding.
        var statement = direct
            ? $"INSERT INTO compliance_finding ({Columns}, state, first_found_at, last_found_at, last_run_id, gone)\n{format}\nON CONFLICT (kind, employer_tax_code, person_key, period) DO NOTHING"
            : $"INSERT INTO compliance_candidate ({Columns}, run_id)\n{format}";
        return db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(statement, [.. values]), cancellationToken);
    }

    [GeneratedRegex("\0([0-9]+)\0")]
    private static partial Regex ValueHole();

    /// <summary>Engine-specific SQL carrying no value, written into a statement as it is.</summary>
    private sealed record SqlText(string Sql);
}
