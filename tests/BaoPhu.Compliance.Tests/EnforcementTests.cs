using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Domain;
using BaoPhu.Compliance.ExportLists;
using BaoPhu.Compliance.RankEmployers;
using BaoPhu.Compliance.ReviewArrears;
using BaoPhu.Compliance.ReviewFindings;
using BaoPhu.Platform.Modules;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Text;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Compliance.Tests;

/// <summary>
/// What follows the cross-check, on a year of the generator's data: the risk ranking and the
/// inspection plan, the monthly arrears review, the lists per commune and sector, the assignment of
/// findings, and the figures the coverage dashboard shows.
/// </summary>
public abstract class EnforcementTests(DatabaseProvider provider) : FreshDatabaseTest(provider)
{
    private const int Everyone = 100_000;

    [Fact]
    public async Task Ranking_ListsEveryEmployerOnceByScoreWithTheReasonsThatMakeIt()
    {
        await GeneratedMonths.LoadAndCheckAsync(Database, Files, 2_000, 11, Token);
        var standing = (await FindingsAsync()).Where(f => !f.Gone).ToList();

        var ranking = await RankAsync(new RiskFilter(null, null));

        Assert.Equal(standing.Select(f => f.EmployerTaxCode).Distinct().Order(StringComparer.Ordinal), ranking.Rows.Select(r => r.TaxCode).Order(StringComparer.Ordinal));
        Assert.Equal(ranking.Rows.OrderByDescending(r => r.Score).Select(r => r.Score), ranking.Rows.Select(r => r.Score));
        Assert.All(ranking.Rows, r => Assert.Equal(r.Reasons.Sum(x => x.Points), r.Score));
        Assert.All(ranking.Rows, r => Assert.InRange(r.Score, 1, RiskRules.Maximum));
        var unregistered = standing.Where(f => f.Kind == FindingKinds.UnregisteredEmployer).Select(f => f.EmployerTaxCode).ToHashSet();
        Assert.NotEmpty(unregistered);
        Assert.All(ranking.Rows.Where(r => unregistered.Contains(r.TaxCode)), r =>
            Assert.Contains(r.Reasons, x => x.Points == 30 && x.Text.StartsWith(FindingText.Kind(FindingKinds.UnregisteredEmployer), StringComparison.Ordinal)));
        var evading = standing.Where(f => f.Kind == FindingKinds.Evasion).GroupBy(f => f.EmployerTaxCode).First();
        var row = ranking.Rows.Single(r => r.TaxCode == evading.Key);
        Assert.True(row.Arrears >= evading.Sum(f => f.Amount ?? 0), $"{row.Arrears} owed, less than the months evaded");
        Assert.Contains(row.Reasons, x => x.Points == 25);
    }

    [Fact]
    public async Task Ranking_AfterEveryFindingOfTheTopEmployerIsDismissed_NoLongerListsIt()
    {
        await GeneratedMonths.LoadAndCheckAsync(Database, Files, 2_000, 12, Token);
        var top = (await RankAsync(new RiskFilter(null, null))).Rows[0];

        foreach (var finding in (await FindingsAsync()).Where(f => f.EmployerTaxCode == top.TaxCode && !f.Gone))
        {
            await ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.UnderReview, null, Token));
            await ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.Dismissed, "Đã kiểm tra: số liệu thuế kê khai nhầm", Token));
        }

        var after = await RankAsync(new RiskFilter(null, null));
        Assert.DoesNotContain(after.Rows, r => r.TaxCode == top.TaxCode);
    }

    [Fact]
    public async Task Ranking_ForASectorOrAUnit_KeepsOnlyItsEmployers()
    {
        await GeneratedMonths.LoadAndCheckAsync(Database, Files, 2_000, 13, Token);
        var all = await RankAsync(new RiskFilter(null, null));
        var sector = all.Rows.Where(r => r.Sector is not null).GroupBy(r => r.Sector!.Letter).OrderByDescending(g => g.Count()).First();
        var commune = (await FindingsAsync()).Where(f => f.UnitId != null).GroupBy(f => f.UnitId!.Value).OrderByDescending(g => g.Count()).First();
        var unit = await Database.InScopeAsync(async s => (await s.GetRequiredService<IUnitDirectory>().GetAsync([commune.Key], Token))[commune.Key]);

        var bySector = await RankAsync(new RiskFilter(null, sector.Key));
        var byUnit = await RankAsync(new RiskFilter(unit.Code, null));
        var unknown = await RankAsync(new RiskFilter("99999", null));

        Assert.Equal(sector.Select(r => r.TaxCode).Order(StringComparer.Ordinal), bySector.Rows.Select(r => r.TaxCode).Order(StringComparer.Ordinal));
        Assert.All(bySector.Rows, r => Assert.Equal(sector.Key, r.Sector?.Letter));
        Assert.Equal(commune.Select(f => f.EmployerTaxCode).Distinct().Order(StringComparer.Ordinal), byUnit.Rows.Select(r => r.TaxCode).Order(StringComparer.Ordinal));
        Assert.All(byUnit.Rows, r => Assert.Equal(unit.Name, r.Commune));
        Assert.True(unknown.UnknownUnit);
        Assert.Empty(unknown.Rows);
    }

    [Fact]
    public async Task ArrearsReview_PutsClosedEmployersFirst_AndCountsRecoveriesOfTheMonth()
    {
        await GeneratedMonths.LoadAndCheckAsync(Database, Files, 2_000, 14, Token);
        var standing = (await FindingsAsync()).Where(f => !f.Gone).ToList();
        var month = new DateOnly(2026, 1, 1);

        var review = await ReviewArrearsAsync(null, month);

        Assert.NotEmpty(review.Lines);
        Assert.Equal(review.Lines.OrderBy(l => l.Class).Select(l => l.Class), review.Lines.Select(l => l.Class));
        Assert.All(standing.Where(f => f.Kind == FindingKinds.ClosedWithArrears), f =>
            Assert.Equal(ArrearsClass.Closed, review.Lines.Single(l => l.TaxCode == f.EmployerTaxCode).Class));
        var late = review.Lines.Where(l => l.Class != ArrearsClass.Closed).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, l => Assert.Equal(
            standing.Where(f => f.EmployerTaxCode == l.TaxCode && f.Kind is FindingKinds.LatePayment or FindingKinds.Evasion).Sum(f => f.Amount ?? 0), l.Owed));
        Assert.All(late, l => Assert.Equal(
            standing.Count(f => f.EmployerTaxCode == l.TaxCode && f.Kind is FindingKinds.LatePayment or FindingKinds.Evasion), l.MonthsOwed));
        Assert.All(late, l => Assert.Equal(MonthsBetween(l.OldestMonth!, review.ReferenceMonth!) >= ArrearsReview.LongStandingMonths, l.LongStanding));
        Assert.Contains(late, l => l.LongStanding);
        Assert.Equal(0, review.RecoveredInMonth);

        var debtor = late[0];
        var finding = standing.First(f => f.EmployerTaxCode == debtor.TaxCode && f.Kind is FindingKinds.LatePayment or FindingKinds.Evasion);
        await ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.UnderReview, null, Token));
        await ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.Confirmed, null, Token));
        var caseId = await Database.InScopeAsync(s => s.GetRequiredService<FindingReview>().OpenCaseAsync(finding.Id, Token));
        await ReviewAsync(r => r.RecordAsync(caseId, CaseStepKind.Recovery, new DateOnly(2026, 1, 20), 2_500_000, "Giấy nộp tiền 7/2026", null, Token));
        await ReviewAsync(r => r.RecordAsync(caseId, CaseStepKind.Recovery, new DateOnly(2026, 2, 3), 1_000_000, "Giấy nộp tiền 9/2026", null, Token));

        var after = await ReviewArrearsAsync(null, month);
        var line = after.Lines.Single(l => l.TaxCode == debtor.TaxCode);
        Assert.Equal((2_500_000L, 3_500_000L), (after.RecoveredInMonth, after.RecoveredInAll));
        Assert.Equal((caseId, CaseStepKind.Recovery, new DateOnly(2026, 2, 3), 3_500_000L), (line.CaseId!.Value, line.LastStep!.Kind, line.LastStep.On, line.Recovered));
        Assert.All((await ReviewArrearsAsync(null, month, ArrearsClass.Evasion)).Lines, l => Assert.Equal(ArrearsClass.Evasion, l.Class));
    }

    [Fact]
    public async Task Assignment_ToAUnitCoveringTheCommune_IsKept_AndToAnotherUnitOrUnknownAgencyIsRefused()
    {
        await GeneratedMonths.LoadAndCheckAsync(Database, Files, 2_000, 15, Token);
        var finding = (await FindingsAsync()).First(f => f.UnitId != null && !f.Gone);
        var (commune, district, elsewhere) = await Database.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<IUnitDirectory>();
            var unit = (await directory.GetAsync([finding.UnitId!.Value], Token))[finding.UnitId!.Value];
            var parent = (await directory.AncestryAsync(unit.Id, Token))[^2];
            var today = BaoPhu.Platform.Time.VietnamTime.Today(TimeProvider.System);
            var sibling = (await directory.ChildrenAsync(parent.Id, today, Token)).First(u => u.Id != unit.Id);
            return (unit, parent, sibling);
        });

        await ReviewAsync(r => r.AssignAsync(finding.Id, Agencies.Inspectorate, district.Code, Token));
        var wrongUnit = await Assert.ThrowsAsync<FindingException>(() => ReviewAsync(r => r.AssignAsync(finding.Id, Agencies.Tax, elsewhere.Code, Token)));
        var wrongAgency = await Assert.ThrowsAsync<FindingException>(() => ReviewAsync(r => r.AssignAsync(finding.Id, "cong-an-xa", commune.Code, Token)));

        var kept = (await FindingsAsync()).Single(f => f.Id == finding.Id);
        Assert.Equal((Agencies.Inspectorate, district.Id), (kept.AssignedAgency, kept.AssignedUnitId!.Value));
        Assert.Contains("không quản lý địa bàn", wrongUnit.Message, StringComparison.Ordinal);
        Assert.Contains("does not cover", wrongUnit.Message, StringComparison.Ordinal);
        Assert.Contains("'cong-an-xa'", wrongAgency.Message, StringComparison.Ordinal);
        var history = await Database.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Set<FindingEvent>().AsNoTracking().Where(e => e.FindingId == finding.Id).ToListAsync(Token));
        Assert.Equal((Agencies.Inspectorate, district.Id, kept.State), (history.Single().AssignedAgency, history.Single().AssignedUnitId!.Value, history.Single().To));
        var assignedToInspectors = await Database.InScopeAsync(s => s.GetRequiredService<FindingQueries>()
            .FindingsAsync(new FindingFilter(null, null, null, null, Agency: Agencies.Inspectorate), 1, Everyone, Token));
        Assert.Equal([finding.Id], assignedToInspectors.Rows.Select(r => r.Finding.Id));
    }

    [Fact]
    public async Task ListsAndCards_OfACommune_CountItsEmployersWorkersAndArrears()
    {
        await GeneratedMonths.LoadAndCheckAsync(Database, Files, 2_000, 16, Token);
        var standing = (await FindingsAsync()).Where(f => !f.Gone && f.UnitId != null).ToList();
        var busiest = standing.GroupBy(f => f.UnitId!.Value).OrderByDescending(g => g.Select(f => f.EmployerTaxCode).Distinct().Count()).First();
        var unit = await Database.InScopeAsync(async s => (await s.GetRequiredService<IUnitDirectory>().GetAsync([busiest.Key], Token))[busiest.Key]);

        var groups = await Database.InScopeAsync(s => s.GetRequiredService<ComplianceLists>().GroupsAsync(null, ListGrouping.Commune, Token));
        var sheets = await Database.InScopeAsync(s => s.GetRequiredService<ComplianceLists>().WorkbookAsync(unit.Code, null, new(), Token));
        var cards = await Database.InScopeAsync(s => s.GetRequiredService<IEnumerable<IDashboardCardSource>>().Single().CardsAsync(unit.Id, 2025, Token));

        var group = groups.Groups.Single(g => g.Code == unit.Code);
        Assert.Equal(busiest.Select(f => f.EmployerTaxCode).Distinct().Count(), group.Employers);
        Assert.Equal(group.Employers, RowsOf(sheets[0]).Count);
        Assert.Equal(busiest.Count(f => FindingKinds.IsAboutPerson(f.Kind)), RowsOf(sheets[1]).Count);
        var ids = RowsOf(sheets[1]).Select(r => (string?)r[Localized.T("Số định danh người lao động", "Worker's national ID")]).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Empty(ids.Intersect(busiest.Select(f => f.PersonId)));
        var uninsured = busiest.Where(f => f.Kind == FindingKinds.UninsuredWorker && f.Period.StartsWith("2025-", StringComparison.Ordinal)).Select(f => f.PersonKey).Distinct().Count();
        Assert.Equal(Localized.Count(uninsured), cards.Single(c => c.Id == "uninsured-workers").Value);
        Assert.Equal(Localized.Count(busiest.Where(f => f.Kind is FindingKinds.LatePayment or FindingKinds.Evasion).Sum(f => f.Amount ?? 0)), cards.Single(c => c.Id == "arrears").Value);
    }

    private static int MonthsBetween(string from, string to) =>
        ((int.Parse(to[..4], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(from[..4], System.Globalization.CultureInfo.InvariantCulture)) * 12)
        + int.Parse(to[5..], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(from[5..], System.Globalization.CultureInfo.InvariantCulture);

    private static List<IDictionary<string, object?>> RowsOf(BaoPhu.Platform.Excel.ExcelSheet sheet) =>
        sheet.Rows is IEnumerable<IDictionary<string, object?>> rows ? [.. rows] : [];

    private Task<RiskRanking> RankAsync(RiskFilter filter) =>
        Database.InScopeAsync(s => s.GetRequiredService<EmployerRisks>().RankAsync(filter, Everyone, Token));

    private Task<ArrearsSummary> ReviewArrearsAsync(string? unit, DateOnly month, ArrearsClass? only = null) =>
        Database.InScopeAsync(s => s.GetRequiredService<ArrearsReview>().ReviewAsync(unit, only, longOnly: false, month, Token));

    private Task<int> ReviewAsync(Func<FindingReview, Task> action) =>
        Database.InScopeAsync(async s =>
        {
            await action(s.GetRequiredService<FindingReview>());
            return 0;
        });

    private Task<List<Finding>> FindingsAsync() =>
        Database.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Set<Finding>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(Token));
}

public sealed class SqliteEnforcementTests() : EnforcementTests(DatabaseProvider.Sqlite);

public sealed class PostgresEnforcementTests() : EnforcementTests(DatabaseProvider.Postgres);
