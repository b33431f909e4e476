using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Text;
using BaoPhu.Registry.Data;
using BaoPhu.Registry.Feeds;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Registry.RefreshReadModels;

/// <summary>
/// Rebuilds the derived tables the registry pages read, after committed files: the months the files
/// touched are rebuilt in one statement per table (employer months, employments), the people listed
/// in them are upserted once each, from their latest month; the employers, which are few, are rebuilt
/// whole once. The statements are set-based SQL that SQLite and PostgreSQL share, so a year of a
/// million rows a month never passes through memory; rows are inserted in the order of the tables'
/// keys, which makes the index updates sequential instead of random, but for the employments (below).
/// </summary>
internal sealed class RegistryReadModels(BaoPhuDbContext db, DatabaseOptions database) : IFeedCommitted
{
    public async Task OnCommittedAsync(IReadOnlyCollection<FeedPeriod> changed, CancellationToken cancellationToken)
    {
        // The tables rebuilt, whose statistics the cross-check then plans its joins on.
        var rebuilt = new List<string>();
        if (MonthsOf(changed, "si-participants", "tax-employees", "si-contributions") is { Length: > 0 } employerMonths)
        {
            await EmployerMonthsAsync(employerMonths, cancellationToken);
            rebuilt.Add("registry_employer_month");
        }

        if (MonthsOf(changed, "si-participants", "tax-employees", "benefit-recipients") is { Length: > 0 } employmentMonths)
        {
            await EmploymentAsync(employmentMonths, cancellationToken);
            rebuilt.Add("registry_employment");
        }

        if (MonthsOf(changed, "si-participants") is { Length: > 0 } siMonths)
        {
            await WorkersFromSiAsync(siMonths, cancellationToken);
        }

        if (MonthsOf(changed, "tax-employees") is { Length: > 0 } taxMonths)
        {
            await WorkersFromTaxAsync(taxMonths, cancellationToken);
        }

        if (changed.Any(c => c.Feed is "si-participants" or "tax-employees"))
        {
            rebuilt.Add("registry_worker");
        }

        // Last, as it reads the employer months just rebuilt.
        if (changed.Any(c => c.Feed is "si-participants" or "tax-employees" or "si-contributions" or "business-registry" or "si-employers"))
        {
            await EmployersAsync(cancellationToken);
            rebuilt.Add("registry_employer");
        }

        await db.Database.RefreshStatisticsAsync(database.Provider, rebuilt, cancellationToken);
    }

    private static string[] MonthsOf(IReadOnlyCollection<FeedPeriod> changed, params string[] feeds) =>
        [.. changed.Where(c => feeds.Contains(c.Feed)).Select(c => c.Period).Distinct().Order(StringComparer.Ordinal)];

    // The first branch of each UNION ALL casts its NULLs: PostgreSQL types a column from its first
    // branches, and two untyped NULLs make it text.
    /// <summary>Employees and income declared to tax, compulsory participants and insured wages, contributions: per employer and month.</summary>
    private Task EmployerMonthsAsync(string[] periods, CancellationToken cancellationToken) =>
        ExecuteAsync(
            periods,
            cancellationToken,
            "DELETE FROM registry_employer_month WHERE period IN (@months)",
            """
            INSERT INTO registry_employer_month
                (tax_code, period, tax_employees, gross_income, si_participants, insured_wages, contributions_due, contributions_paid)
            SELECT code, period, COALESCE(SUM(tax_employees), 0), COALESCE(SUM(gross_income), 0), COALESCE(SUM(si_participants), 0),
                   COALESCE(SUM(insured_wages), 0), SUM(due), SUM(paid)
            FROM (
                SELECT employer_tax_code AS code, period, COUNT(*) AS tax_employees, SUM(gross_income) AS gross_income,
                       CAST(NULL AS BIGINT) AS si_participants, CAST(NULL AS BIGINT) AS insured_wages,
                       CAST(NULL AS BIGINT) AS due, CAST(NULL AS BIGINT) AS paid
                FROM registry_tax_employee WHERE period IN (@months) GROUP BY employer_tax_code, period
                UNION ALL
                SELECT employer_tax_code, period, NULL, NULL, COUNT(*), SUM(insured_wage), NULL, NULL
                FROM registry_si_participation
                WHERE period IN (@months) AND scheme = 'Compulsory' AND employer_tax_code IS NOT NULL
                GROUP BY employer_tax_code, period
                UNION ALL
                SELECT employer_tax_code, period, NULL, NULL, NULL, NULL, amount_due, amount_paid
                FROM registry_si_contribution WHERE period IN (@months)
            ) months
            WHERE code <> ''
            GROUP BY code, period
            ORDER BY code, period
            """);

    /// <summary>
    /// Who worked where in each month, tax and SI merged per employer and person; voluntary
    /// participation and benefits under employer "". Tax rows without a usable national ID are
    /// left out here (they still count in the employer's month). A month's tax rows are of one
    /// intake (a file of a month replaces the month), so the intake and the first row listing the
    /// person there point at the tax file's evidence.
    /// </summary>
    /// <remarks>
    /// Inserted in the order of the month's people rather than of the key: two of the table's three
    /// indexes start with the person (the cross-check walks a month's people, a worker's page reads
    /// their months), so only the key's is written out of order, and the rows of a person lie
    /// together for the cross-check that reads them again.
    /// </remarks>
    private Task EmploymentAsync(string[] periods, CancellationToken cancellationToken) =>
        ExecuteAsync(
            periods,
            cancellationToken,
            "DELETE FROM registry_employment WHERE period IN (@months)",
            $"""
            INSERT INTO registry_employment
                (employer_tax_code, period, person_id, full_name, in_tax, gross_income, scheme, insured_wage, has_ui, benefit, tax_batch_id, tax_source_row)
            SELECT code, period, person_id, MAX(full_name), MAX(in_tax) = 1, SUM(gross_income), MAX(scheme), SUM(insured_wage),
                   CASE WHEN MAX(has_ui) IS NULL THEN NULL ELSE MAX(has_ui) = 1 END, MAX(benefit), {TheIntake("tax_batch_id")}, MIN(tax_source_row)
            FROM (
                SELECT employer_tax_code AS code, period, person_id, full_name, 1 AS in_tax, gross_income,
                       CAST(NULL AS VARCHAR(12)) AS scheme, CAST(NULL AS BIGINT) AS insured_wage,
                       CAST(NULL AS INTEGER) AS has_ui, CAST(NULL AS VARCHAR(16)) AS benefit, batch_id AS tax_batch_id, source_row AS tax_source_row
                FROM registry_tax_employee WHERE period IN (@months) AND person_id IS NOT NULL
                UNION ALL
                SELECT COALESCE(employer_tax_code, ''), period, person_id, full_name, 0, NULL, scheme, insured_wage,
                       CASE WHEN has_ui THEN 1 ELSE 0 END, NULL, NULL, NULL
                FROM registry_si_participation WHERE period IN (@months)
                UNION ALL
                SELECT '', period, person_id, NULL, 0, NULL, NULL, NULL, NULL, benefit, NULL, NULL
                FROM registry_benefit_recipient WHERE period IN (@months)
            ) listed
            WHERE person_id <> ''
            GROUP BY period, person_id, code
            ORDER BY period, person_id, code
            """);

    /// <summary>The one intake of a group's rows: PostgreSQL has no <c>MIN</c> of a uuid.</summary>
    private string TheIntake(string column) => database.Provider == DatabaseProvider.Postgres
        ? $"CAST(MIN(CAST({column} AS VARCHAR(36))) AS UUID)"
        : $"MIN({column})";

    /// <summary>SI knows a person best (residence, sex, SI number): of the months given, each person's latest; a later month already known wins over it.</summary>
    private Task WorkersFromSiAsync(string[] periods, CancellationToken cancellationToken) =>
        ExecuteAsync(
            periods,
            cancellationToken,
            """
            INSERT INTO registry_worker (person_id, full_name, name_key, birth_date, gender, unit_id, si_number, last_period)
            SELECT person_id, full_name, name_key, birth_date, gender, residence_commune_id, si_number, period
            FROM (
                SELECT person_id, full_name, name_key, birth_date, gender, residence_commune_id, si_number, period,
                       ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY period DESC) AS pick
                FROM registry_si_participation WHERE period IN (@months) AND person_id <> ''
            ) latest
            WHERE pick = 1
            ORDER BY person_id
            ON CONFLICT (person_id) DO UPDATE SET
                full_name = excluded.full_name, name_key = excluded.name_key, birth_date = excluded.birth_date, gender = excluded.gender,
                unit_id = excluded.unit_id, si_number = excluded.si_number,
                last_period = CASE WHEN excluded.last_period > registry_worker.last_period THEN excluded.last_period ELSE registry_worker.last_period END
            WHERE registry_worker.si_number IS NULL OR excluded.last_period >= registry_worker.last_period
            """);

    /// <summary>
    /// A person known to tax only is placed at their employer's commune (the one paying them most in
    /// their latest month of those given); what SI says about a person is never overwritten by tax.
    /// </summary>
    private Task WorkersFromTaxAsync(string[] periods, CancellationToken cancellationToken) =>
        ExecuteAsync(
            periods,
            cancellationToken,
            """
            INSERT INTO registry_worker (person_id, full_name, name_key, birth_date, gender, unit_id, si_number, last_period)
            SELECT person_id, full_name, name_key, birth_date, NULL, commune_id, NULL, period
            FROM (
                SELECT t.person_id, t.full_name, t.name_key, t.birth_date, b.commune_id, t.period,
                       ROW_NUMBER() OVER (PARTITION BY t.person_id ORDER BY t.period DESC, t.gross_income DESC, t.employer_tax_code) AS pick
                FROM registry_tax_employee t LEFT JOIN registry_business b ON b.tax_code = t.employer_tax_code
                WHERE t.period IN (@months) AND t.person_id IS NOT NULL
            ) ranked
            WHERE pick = 1
            ORDER BY person_id
            ON CONFLICT (person_id) DO UPDATE SET
                full_name = CASE WHEN registry_worker.si_number IS NULL AND excluded.last_period >= registry_worker.last_period THEN excluded.full_name ELSE registry_worker.full_name END,
                name_key = CASE WHEN registry_worker.si_number IS NULL AND excluded.last_period >= registry_worker.last_period THEN excluded.name_key ELSE registry_worker.name_key END,
                unit_id = CASE WHEN registry_worker.si_number IS NULL AND excluded.last_period >= registry_worker.last_period THEN excluded.unit_id ELSE registry_worker.unit_id END,
                birth_date = COALESCE(registry_worker.birth_date, excluded.birth_date),
                last_period = CASE WHEN excluded.last_period > registry_worker.last_period THEN excluded.last_period ELSE registry_worker.last_period END
            """);

    /// <summary>
    /// Runs each statement with <c>@months</c> standing for the months as parameters: a statement reads
    /// the feed tables once for all the months, which have no index on the month. The importer runs
    /// the refresh without a time limit.
    /// </summary>
    private async Task ExecuteAsync(string[] periods, CancellationToken cancellationToken, params string[] statements)
    {
        var months = string.Join(", ", periods.Select((_, i) => $"{{{i}}}"));
        var values = periods.Cast<object>().ToArray();
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement.Replace("@months", months, StringComparison.Ordinal), values, cancellationToken);
        }
    }

    /// <summary>
    /// Every employer any list names, rebuilt whole: the snapshots are small and the names must be
    /// folded for search, which SQL cannot do.
    /// </summary>
    private async Task EmployersAsync(CancellationToken cancellationToken)
    {
        var business = await db.Set<BusinessRecord>().AsNoTracking().ToDictionaryAsync(b => b.TaxCode, cancellationToken);
        var si = await db.Set<SiEmployerRecord>().AsNoTracking().ToDictionaryAsync(s => s.EmployerTaxCode, cancellationToken);
        var seen = await db.Set<RegistryEmployerMonth>()
            .Where(m => m.TaxEmployees > 0 || m.SiParticipants > 0)
            .GroupBy(m => m.TaxCode)
            .Select(g => new { TaxCode = g.Key, Last = g.Max(m => m.Period) })
            .ToDictionaryAsync(g => g.TaxCode, g => g.Last, cancellationToken);
        var codes = business.Keys.Union(si.Keys).Union(seen.Keys).ToList();

        var rows = codes.Select(code =>
        {
            var b = business.GetValueOrDefault(code);
            var s = si.GetValueOrDefault(code);
            var name = b?.Name ?? s?.Name;
            return new RegistryEmployer
            {
                TaxCode = code,
                Name = name,
                NameKey = name is null ? "" : VietnameseText.Fold(name),
                Kind = b?.Kind,
                Vsic = b?.Vsic,
                UnitId = b?.CommuneId ?? s?.CommuneId,
                InBusinessRegistry = b is not null,
                Status = b?.Status,
                StatusOn = b?.StatusOn,
                FoundedOn = b?.FoundedOn,
                SiUnitCode = s?.SiUnitCode,
                SiName = s?.Name,
                SiRegisteredOn = s?.RegisteredOn,
                SiStatus = s?.Status,
                SiUnitId = s?.CommuneId,
                LastPeriod = seen.GetValueOrDefault(code),
            };
        });

        await db.Set<RegistryEmployer>().IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.WriteAsync(db, rows, cancellationToken);
    }
}
