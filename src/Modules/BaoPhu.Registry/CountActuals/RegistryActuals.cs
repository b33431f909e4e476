using System.Globalization;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Persistence;
using BaoPhu.Registry.Feeds;
using BaoPhu.Targets.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Registry.CountActuals;

/// <summary>
/// Counts the coverage actuals of each commune from the person-level lists and hands them to the
/// Targets module, so dashboards fill from real lists: after monthly files, their months; after a
/// registry snapshot, every month the lists hold; after labour statistics, their years.
/// </summary>
internal sealed class RegistryActuals(BaoPhuDbContext db, ICoverageImports coverage) : IFeedCommitted
{
    /// <summary>The source name the actuals carry, so a later count replaces only its own values.</summary>
    public const string Source = "registry";

    private static readonly string[] MonthlyIndicators =
    [
        "si.compulsory.participants", "si.voluntary.participants", "ui.participants", "pension.recipients", "employers.liable", "employers.registered",
    ];

    private static readonly string[] YearlyIndicators =
    [
        "labour_force.working_age", "labour_force.working_abroad", "labour_force.out_of_province", "labour_force.in_military_service",
        "labour_force.adjusted", "pension.past_retirement_age",
    ];

    public async Task OnCommittedAsync(IReadOnlyCollection<FeedPeriod> changed, CancellationToken cancellationToken)
    {
        // A registry snapshot moves employers between communes: every month is recounted, once.
        var months = changed.Any(c => c.Feed is "business-registry" or "si-employers")
            ? await MonthsAsync(cancellationToken)
            : changed.Where(c => c.Feed is "si-participants" or "benefit-recipients" or "tax-employees").Select(c => c.Period);
        foreach (var month in months.Distinct().Order(StringComparer.Ordinal))
        {
            await CountMonthAsync(month, cancellationToken);
        }

        foreach (var year in changed.Where(c => c.Feed == "labour-statistics").Select(c => int.Parse(c.Period, CultureInfo.InvariantCulture)).Distinct())
        {
            await CountYearAsync(year, cancellationToken);
        }
    }

    /// <summary>Every month any person-level list holds.</summary>
    private async Task<List<string>> MonthsAsync(CancellationToken cancellationToken) =>
        (await db.Set<SiParticipation>().Select(p => p.Period).Distinct().ToListAsync(cancellationToken))
            .Union(await db.Set<TaxEmployee>().Select(p => p.Period).Distinct().ToListAsync(cancellationToken))
            .Union(await db.Set<BenefitRecipient>().Select(p => p.Period).Distinct().ToListAsync(cancellationToken))
            .ToList();

    private async Task CountMonthAsync(string period, CancellationToken cancellationToken)
    {
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(period[5..], CultureInfo.InvariantCulture);
        var end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var values = new List<ActualCount>();
        void Add(Guid unit, string indicator, int count) => values.Add(new ActualCount(unit, indicator, year, month, count));

        // One row per person and month in each list (the feeds' keys), so rows count people.
        var participants = await db.Set<SiParticipation>()
            .Where(p => p.Period == period)
            .GroupBy(p => p.ResidenceCommuneId)
            .Select(g => new
            {
                Unit = g.Key,
                Compulsory = g.Count(p => p.Scheme == Scheme.Compulsory),
                Voluntary = g.Count(p => p.Scheme == Scheme.Voluntary),
                Ui = g.Count(p => p.HasUi),
            })
            .ToListAsync(cancellationToken);
        foreach (var p in participants)
        {
            Add(p.Unit, "si.compulsory.participants", p.Compulsory);
            Add(p.Unit, "si.voluntary.participants", p.Voluntary);
            Add(p.Unit, "ui.participants", p.Ui);
        }

        var recipients = await db.Set<BenefitRecipient>()
            .Where(r => r.Period == period)
            .GroupBy(r => r.ResidenceCommuneId)
            .Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        recipients.ForEach(r => Add(r.Unit, "pension.recipients", r.Count));

        // Liable: employers paying wages that month (to tax) or declaring compulsory participants;
        // registered: those of them registered with BHXH by the month's end. Both placed by the
        // business registry, so the rate compares like with like.
        var employing = db.Set<TaxEmployee>().Where(t => t.Period == period).Select(t => t.EmployerTaxCode)
            .Union(db.Set<SiParticipation>().Where(p => p.Period == period && p.EmployerTaxCode != null).Select(p => p.EmployerTaxCode!));
        // A join on the distinct registered codes, not "IN (registered)" in the select list: PostgreSQL
        // runs the latter as a hashed subplan only while the codes fit in work_mem (4 MB by default),
        // and past that (about 600,000 registered employers, a 5M × 5M province) scans them again for
        // every business, which ran for hours. The join is hashed or sorted at any size, on either engine.
        var registeredCodes = db.Set<SiEmployerRecord>().Where(e => e.RegisteredOn <= end).Select(e => e.EmployerTaxCode).Distinct();
        var employers = await (
                from b in db.Set<BusinessRecord>().Where(b => employing.Contains(b.TaxCode))
                join r in registeredCodes on b.TaxCode equals r into registered
                from r in registered.DefaultIfEmpty()
                select new { b.CommuneId, b.TaxCode, Registered = r != null })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var commune in employers.GroupBy(e => e.CommuneId))
        {
            Add(commune.Key, "employers.liable", commune.Count());
            Add(commune.Key, "employers.registered", commune.Count(e => e.Registered));
        }

        await coverage.SetActualsAsync(Source, MonthlyIndicators, [(year, month)], values, cancellationToken);
    }

    private async Task CountYearAsync(int year, CancellationToken cancellationToken)
    {
        var statistics = await db.Set<LabourStatistics>().Where(s => s.Year == year).ToListAsync(cancellationToken);
        var values = statistics.SelectMany(s => new[]
        {
            new ActualCount(s.CommuneId, "labour_force.working_age", year, 0, s.WorkingAgeLabourForce),
            new ActualCount(s.CommuneId, "labour_force.working_abroad", year, 0, s.WorkingAbroad),
            new ActualCount(s.CommuneId, "labour_force.out_of_province", year, 0, s.WorkingOutOfProvince),
            new ActualCount(s.CommuneId, "labour_force.in_military_service", year, 0, s.InMilitaryService),
            new ActualCount(s.CommuneId, "labour_force.adjusted", year, 0,
                Math.Max(0, s.WorkingAgeLabourForce - s.WorkingAbroad - s.WorkingOutOfProvince - s.InMilitaryService)),
            new ActualCount(s.CommuneId, "pension.past_retirement_age", year, 0, s.PastRetirementAge),
        }).ToList();
        await coverage.SetActualsAsync(Source, YearlyIndicators, [(year, 0)], values, cancellationToken);
    }
}
