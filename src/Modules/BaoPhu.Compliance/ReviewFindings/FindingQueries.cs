using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.ReviewFindings;

/// <param name="Units">Only findings placed in these units (a unit and those under it); null for the whole area.</param>
/// <param name="Employers">Only findings of these employers; null for all.</param>
/// <param name="PersonsOnly">Only the kinds that name a worker.</param>
/// <param name="Agency">Only findings assigned to this agency.</param>
internal sealed record FindingFilter(
    string? Period, string? Kind, FindingState? State, string? TaxCode,
    IReadOnlyList<Guid>? Units = null, IReadOnlyCollection<string>? Employers = null, bool PersonsOnly = false, string? Agency = null);

internal sealed record FindingList(IReadOnlyList<FindingRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <param name="AssignedUnit">The name of the unit the finding is assigned to, if any.</param>
internal sealed record FindingRow(Finding Finding, string? Employer, string? Commune, string? AssignedUnit);

/// <param name="Units">The names of the units the history assigned the finding to.</param>
internal sealed record FindingView(FindingRow Row, IReadOnlyList<FindingEvent> History, string? PersonName, IReadOnlyDictionary<Guid, string> Units);

internal sealed record CaseView(EnforcementCase Case, string? Employer, string? Commune, IReadOnlyList<Finding> Findings);

/// <summary>What the compliance pages and exports show, within the user's scope.</summary>
internal sealed class FindingQueries(BaoPhuDbContext db, IUnitDirectory units)
{
    public const int PageSize = 50;

    private static readonly string[] PersonKinds = [.. FindingKinds.All.Where(FindingKinds.IsAboutPerson)];

    public async Task<FindingList> FindingsAsync(FindingFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<Finding>().AsNoTracking().Where(f => !f.Gone);
        if (!string.IsNullOrWhiteSpace(filter.Period))
        {
            query = query.Where(f => f.Period == filter.Period);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(f => f.Kind == filter.Kind);
        }

        if (filter.State is { } state)
        {
            query = query.Where(f => f.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.TaxCode))
        {
            query = query.Where(f => f.EmployerTaxCode == filter.TaxCode.Trim());
        }

        if (filter.Units is { } covered)
        {
            query = query.Where(f => f.UnitId != null && covered.Contains(f.UnitId.Value));
        }

        if (filter.Employers is { } employers)
        {
            query = query.Where(f => employers.Contains(f.EmployerTaxCode));
        }

        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            query = query.Where(f => f.AssignedAgency == filter.Agency);
        }

        if (filter.PersonsOnly)
        {
            query = query.Where(f => PersonKinds.Contains(f.Kind));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(f => f.Period).ThenBy(f => f.Kind).ThenBy(f => f.EmployerTaxCode).ThenBy(f => f.PersonKey)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new FindingList(await DescribeAsync(rows, cancellationToken), total, page, pageSize);
    }

    public async Task<FindingView?> FindingAsync(long id, CancellationToken cancellationToken)
    {
        var finding = await db.Set<Finding>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (finding is null)
        {
            return null;
        }

        var history = await db.Set<FindingEvent>().AsNoTracking().Where(e => e.FindingId == id).OrderBy(e => e.At).ToListAsync(cancellationToken);
        var name = finding.PersonId is null
            ? null
            : (await db.Database.SqlQuery<string>($"SELECT full_name AS \"Value\" FROM registry_worker WHERE person_id = {finding.PersonId}")
                .ToListAsync(cancellationToken)).FirstOrDefault();
        var assigned = await CommunesAsync([.. history.Select(e => e.AssignedUnitId).Distinct()], cancellationToken);
        return new FindingView((await DescribeAsync([finding], cancellationToken))[0], history, name, assigned);
    }

    public async Task<CaseView?> CaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Set<EnforcementCase>().AsNoTracking().Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var findings = await db.Set<Finding>().AsNoTracking().Where(f => f.CaseId == id).OrderBy(f => f.Period).ToListAsync(cancellationToken);
        var names = await EmployerNamesAsync([found.EmployerTaxCode], cancellationToken);
        var communes = await CommunesAsync([found.UnitId], cancellationToken);
        return new CaseView(found, names.GetValueOrDefault(found.EmployerTaxCode), found.UnitId is { } unit ? communes.GetValueOrDefault(unit) : null, findings);
    }

    private async Task<IReadOnlyList<FindingRow>> DescribeAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var names = await EmployerNamesAsync([.. findings.Select(f => f.EmployerTaxCode).Distinct()], cancellationToken);
        var communes = await CommunesAsync([.. findings.Select(f => f.UnitId).Concat(findings.Select(f => f.AssignedUnitId)).Distinct()], cancellationToken);
        return [.. findings.Select(f => new FindingRow(
            f, names.GetValueOrDefault(f.EmployerTaxCode), Name(communes, f.UnitId), Name(communes, f.AssignedUnitId)))];
    }

    /// <summary>The employers' names as the registry knows them (its read model, documented as read by this module).</summary>
    private async Task<Dictionary<string, string>> EmployerNamesAsync(string[] taxCodes, CancellationToken cancellationToken)
    {
        if (taxCodes.Length == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQuery<EmployerName>($"SELECT tax_code, name FROM registry_employer")
            .Where(e => taxCodes.Contains(e.TaxCode) && e.Name != null).ToListAsync(cancellationToken);
        return rows.ToDictionary(e => e.TaxCode, e => e.Name!);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> CommunesAsync(Guid?[] ids, CancellationToken cancellationToken)
    {
        var known = ids.OfType<Guid>().ToList();
        return known.Count == 0
            ? new Dictionary<Guid, string>()
            : (await units.GetAsync(known, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.Name);
    }

    private static string? Name(IReadOnlyDictionary<Guid, string> names, Guid? id) => id is { } known ? names.GetValueOrDefault(known) : null;

    private sealed record EmployerName(string TaxCode, string? Name);
}
