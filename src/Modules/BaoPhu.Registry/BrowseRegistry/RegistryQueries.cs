using System.Globalization;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Text;
using BaoPhu.Registry.Data;
using BaoPhu.Registry.Feeds;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Registry.BrowseRegistry;

internal sealed record EmployerHit(string TaxCode, string? Name, string? SiUnitCode, EmployerStatus? Status, string? SiStatusText, string? Commune, string? LastPeriod);

internal sealed record WorkerHit(long Id, string PersonId, string FullName, DateOnly? BirthDate, string? SiNumber, string? Commune, string LastPeriod);

internal sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

internal sealed record PayrollYear(int Year, int Employees, long Payroll);

internal sealed record EmployeeLine(string PersonId, string? FullName, long? WorkerId, bool InTax, long? GrossIncome, bool InSi, long? InsuredWage);

internal sealed record EmployerView(
    RegistryEmployer Employer,
    string? Commune,
    string? SiCommune,
    IReadOnlyList<RegistryEmployerMonth> Months,
    IReadOnlyList<PayrollYear> Payroll,
    string? EmployeesPeriod,
    IReadOnlyList<EmployeeLine> Employees);

internal sealed record WorkerMonth(string Period, string EmployerTaxCode, string? EmployerName, bool InTax, long? GrossIncome, Scheme? Scheme, long? InsuredWage, bool? HasUi, Benefit? Benefit);

internal sealed record WorkerView(RegistryWorker Worker, string? Commune, IReadOnlyList<WorkerMonth> Months);

/// <summary>Lookups for the registry pages, always through the derived tables and the user's unit scope.</summary>
internal sealed class RegistryQueries(BaoPhuDbContext db, IUnitDirectory units)
{
    public const int PageSize = 25;

    private const int NationalIdLength = 12;

    /// <summary>By tax code (or its start), SI unit code, or name without regard to diacritics or case.</summary>
    public async Task<Paged<EmployerHit>> EmployersAsync(string text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var term = text.Trim();
        var key = VietnameseText.Fold(term);
        var query = db.Set<RegistryEmployer>().AsNoTracking()
            .Where(e => e.TaxCode.StartsWith(term) || e.SiUnitCode == term || (key.Length > 0 && e.NameKey.Contains(key)));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(e => e.NameKey).ThenBy(e => e.TaxCode).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await UnitNamesAsync(rows.Select(r => r.UnitId), cancellationToken);
        return new Paged<EmployerHit>(
            rows.Select(e => new EmployerHit(
                e.TaxCode, e.Name, e.SiUnitCode, e.Status, e.SiStatus is null ? null : RegistryText.Status(e.SiStatus),
                e.UnitId is { } u ? names.GetValueOrDefault(u) : null, e.LastPeriod)).ToList(),
            total, page, pageSize);
    }

    /// <summary>By national ID, SI number, or name without regard to diacritics or case.</summary>
    public async Task<Paged<WorkerHit>> WorkersAsync(string text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var term = text.Trim();
        var key = VietnameseText.Fold(term);
        var query = db.Set<RegistryWorker>().AsNoTracking()
            .Where(w => w.PersonId == term || w.SiNumber == term || (key.Length > 0 && w.NameKey.Contains(key)));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(w => w.NameKey).ThenBy(w => w.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await UnitNamesAsync(rows.Select(r => r.UnitId), cancellationToken);
        return new Paged<WorkerHit>(
            rows.Select(w => new WorkerHit(w.Id, w.PersonId, w.FullName, w.BirthDate, w.SiNumber, w.UnitId is { } u ? names.GetValueOrDefault(u) : null, w.LastPeriod)).ToList(),
            total, page, pageSize);
    }

    /// <summary>Null when no employer has this tax code or it lies outside the user's scope: the page cannot tell them apart.</summary>
    public async Task<EmployerView?> EmployerAsync(string taxCode, CancellationToken cancellationToken)
    {
        var code = taxCode.Trim();
        if (await db.Set<RegistryEmployer>().AsNoTracking().FirstOrDefaultAsync(e => e.TaxCode == code, cancellationToken) is not { } employer)
        {
            return null;
        }

        var months = await db.Set<RegistryEmployerMonth>().AsNoTracking()
            .Where(m => m.TaxCode == code).OrderByDescending(m => m.Period).ToListAsync(cancellationToken);
        // One row per employer and year: small enough to read from the feed's own table.
        var payroll = await db.Set<TaxPayroll>().AsNoTracking()
            .Where(p => p.EmployerTaxCode == code).OrderByDescending(p => p.Year)
            .Select(p => new PayrollYear(p.Year, p.EmployeeCount, p.PayrollTotal)).ToListAsync(cancellationToken);
        var latest = await db.Set<RegistryEmployment>().Where(e => e.EmployerTaxCode == code).MaxAsync(e => (string?)e.Period, cancellationToken);
        var employees = latest is null ? [] : await EmployeesAsync(code, latest, cancellationToken);
        var names = await UnitNamesAsync([employer.UnitId, employer.SiUnitId], cancellationToken);
        return new EmployerView(
            employer,
            employer.UnitId is { } u ? names.GetValueOrDefault(u) : null,
            employer.SiUnitId is { } s ? names.GetValueOrDefault(s) : null,
            months, payroll, latest, employees);
    }

    private async Task<List<EmployeeLine>> EmployeesAsync(string code, string period, CancellationToken cancellationToken)
    {
        var lines = await db.Set<RegistryEmployment>().AsNoTracking()
            .Where(e => e.EmployerTaxCode == code && e.Period == period)
            .OrderBy(e => e.FullName).ThenBy(e => e.PersonId)
            .ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.PersonId).ToList();
        // Links only to the people the user's scope covers.
        var workers = await db.Set<RegistryWorker>().AsNoTracking().Where(w => ids.Contains(w.PersonId))
            .Select(w => new { w.PersonId, w.Id }).ToDictionaryAsync(w => w.PersonId, w => w.Id, cancellationToken);
        return lines.Select(l => new EmployeeLine(
            l.PersonId, l.FullName, workers.TryGetValue(l.PersonId, out var id) ? id : null,
            l.InTax, l.GrossIncome, l.Scheme is not null, l.InsuredWage)).ToList();
    }

    /// <summary>The worker by link number or national ID; null when unknown or outside the user's scope.</summary>
    public async Task<WorkerView?> WorkerAsync(string key, CancellationToken cancellationToken)
    {
        var text = key.Trim();
        var workers = db.Set<RegistryWorker>().AsNoTracking();
        var worker = text.Length == NationalIdLength
            ? await workers.FirstOrDefaultAsync(w => w.PersonId == text, cancellationToken)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await workers.FirstOrDefaultAsync(w => w.Id == id, cancellationToken)
                : null;
        if (worker is null)
        {
            return null;
        }

        var months = await db.Set<RegistryEmployment>().AsNoTracking()
            .Where(e => e.PersonId == worker.PersonId)
            .OrderByDescending(e => e.Period).ThenBy(e => e.EmployerTaxCode)
            .ToListAsync(cancellationToken);
        var codes = months.Select(m => m.EmployerTaxCode).Where(c => c.Length > 0).Distinct().ToList();
        // Employer names are not personal: shown even for employers outside the user's scope.
        var employerNames = await db.Set<RegistryEmployer>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => codes.Contains(e.TaxCode)).ToDictionaryAsync(e => e.TaxCode, e => e.Name, cancellationToken);
        var names = await UnitNamesAsync([worker.UnitId], cancellationToken);
        return new WorkerView(
            worker,
            worker.UnitId is { } u ? names.GetValueOrDefault(u) : null,
            months.Select(m => new WorkerMonth(
                m.Period, m.EmployerTaxCode, employerNames.GetValueOrDefault(m.EmployerTaxCode), m.InTax, m.GrossIncome, m.Scheme, m.InsuredWage, m.HasUi, m.Benefit)).ToList());
    }

    private async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<Guid, string>()
            : (await units.GetAsync(wanted, cancellationToken)).ToDictionary(u => u.Key, u => u.Value.Name);
    }
}
