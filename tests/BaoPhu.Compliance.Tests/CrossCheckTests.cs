using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Domain;
using BaoPhu.Compliance.ReviewFindings;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Identifiers;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Compliance.Tests;

/// <summary>
/// The cross-check on the demo generator's data, whose <c>truth.csv</c> lists every problem planted:
/// run for every month, it finds them with precision and recall of at least 0.98 per kind; a re-run
/// changes nothing; a commune's user sees only that commune's findings.
/// </summary>
public abstract class CrossCheckTests(DatabaseProvider provider) : FreshDatabaseTest(provider)
{
    private const double Required = 0.98;

    [Theory]
    [InlineData(3_000, 2025)]
    [InlineData(2_500, 7)]
    public async Task Run_OverEveryMonth_FindsThePlantedProblemsOfEachKind(int workers, int seed)
    {
        var data = await LoadAsync(workers, seed);

        foreach (var period in data.Months)
        {
            await RunAsync(new CrossCheckRequest(period));
        }

        var scores = await Database.InScopeAsync(s => s.GetRequiredService<ICrossCheck>().EvaluateAsync(data.Truth, Token));
        Assert.Equal(FindingKinds.All, scores.Select(s => s.Kind));
        Assert.All(scores, score =>
        {
            Assert.True(score.Expected > 0, $"{score.Kind}: the generator planted none");
            Assert.True(score.Precision >= Required && score.Recall >= Required, score.ToString());
        });
    }

    [Fact]
    public async Task Run_OfAMonthAgain_FindsTheSameAndKeepsEveryFinding()
    {
        var data = await LoadAsync(2_000, 3);
        var month = data.Months[^3];

        var first = await RunAsync(new CrossCheckRequest(month));
        var before = await FindingsAsync();
        var again = await RunAsync(new CrossCheckRequest(month));
        var after = await FindingsAsync();

        Assert.True(first.Counts.Values.Sum() > 0);
        Assert.Equal(first.Counts, again.Counts);
        Assert.Equal(first.Counts.Values.Sum(), first.New);
        Assert.Equal((0, 0), (again.New, again.Gone));
        Assert.Equal(before.Select(f => (f.Id, f.Kind, f.EmployerTaxCode, f.PersonKey, f.Amount)), after.Select(f => (f.Id, f.Kind, f.EmployerTaxCode, f.PersonKey, f.Amount)));
        Assert.All(after, f => Assert.Equal(again.RunId, f.LastRunId));
    }

    [Fact]
    public async Task Run_NamesForEachWorkerFoundTheTaxRowThatShowsThemPaid()
    {
        var data = await LoadAsync(2_000, 5);
        var month = data.Months[^2];

        await RunAsync(new CrossCheckRequest(month, Kinds: [FindingKinds.HeadcountGap, FindingKinds.UninsuredWorker]));
        var findings = await FindingsAsync();
        // The row the evidence names is the month's tax row of that employer and person (by ID, or a row without one for a weaker match), with income.
        var unshown = await Database.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Database.SqlQuery<int>($$"""
            SELECT COUNT(*) AS "Value" FROM compliance_finding f
            WHERE NOT EXISTS (
                SELECT 1 FROM registry_tax_employee t
                WHERE t.batch_id = f.evidence_intake AND t.source_row = f.evidence_row AND t.period = f.period
                  AND t.employer_tax_code = f.employer_tax_code AND t.gross_income > 0
                  AND (t.person_id = f.person_id OR (f.weak_match AND t.person_id IS NULL)))
            """).SingleAsync(Token));

        Assert.Contains(findings, f => f.Kind == FindingKinds.HeadcountGap && !f.WeakMatch);
        Assert.Contains(findings, f => f.Kind == FindingKinds.UninsuredWorker && !f.WeakMatch);
        Assert.Contains(findings, f => f.WeakMatch);
        Assert.All(findings, f => Assert.Equal("tax-employees", f.EvidenceFeed));
        Assert.Equal(0, unshown);
    }

    [Fact]
    public async Task Run_OfOneKind_FindsOnlyThatKindAndLeavesTheOtherKindsStanding()
    {
        var data = await LoadAsync(2_000, 3);
        var month = data.Months[^3];

        var first = await RunAsync(new CrossCheckRequest(month, Kinds: [FindingKinds.HeadcountGap]));
        var afterFirst = await FindingsAsync();
        var whole = await RunAsync(new CrossCheckRequest(month));
        var again = await RunAsync(new CrossCheckRequest(month, Kinds: [FindingKinds.HeadcountGap]));
        var afterAgain = await FindingsAsync();

        Assert.Equal([FindingKinds.HeadcountGap], first.Counts.Keys);
        Assert.True(first.Counts[FindingKinds.HeadcountGap] > 0);
        Assert.All(afterFirst, f => Assert.Equal(FindingKinds.HeadcountGap, f.Kind));
        Assert.Equal(first.Counts[FindingKinds.HeadcountGap], afterFirst.Count);
        Assert.Equal(first.Counts[FindingKinds.HeadcountGap], whole.Counts[FindingKinds.HeadcountGap]);
        Assert.Equal(whole.Counts.Values.Sum() - first.Counts[FindingKinds.HeadcountGap], whole.New);
        Assert.Equal((0, 0), (again.New, again.Gone));
        Assert.Equal(whole.Counts.Values.Sum(), afterAgain.Count(f => !f.Gone));
        Assert.All(afterAgain, f => Assert.Equal(f.Kind == FindingKinds.HeadcountGap ? again.RunId : whole.RunId, f.LastRunId));
    }

    [Fact]
    public async Task Run_AfterAReview_KeepsEachFindingsStateAndHistory()
    {
        var data = await LoadAsync(2_000, 3);
        var month = data.Months[^2];
        await RunAsync(new CrossCheckRequest(month));
        var findings = await FindingsAsync();
        var dismissed = findings.First(f => f.Kind == FindingKinds.HeadcountGap);
        var confirmed = findings.First(f => f.Kind != FindingKinds.HeadcountGap);
        await ReviewAsync(r => r.MoveAsync(dismissed.Id, FindingState.UnderReview, null, Token));
        await ReviewAsync(r => r.MoveAsync(dismissed.Id, FindingState.Dismissed, "Chủ hộ kinh doanh, không thuộc diện bắt buộc", Token));
        await ReviewAsync(r => r.MoveAsync(confirmed.Id, FindingState.UnderReview, null, Token));
        await ReviewAsync(r => r.MoveAsync(confirmed.Id, FindingState.Confirmed, null, Token));
        var caseId = await Database.InScopeAsync(s => s.GetRequiredService<FindingReview>().OpenCaseAsync(confirmed.Id, Token));

        var again = await RunAsync(new CrossCheckRequest(month));

        var after = (await FindingsAsync()).ToDictionary(f => f.Id);
        Assert.Equal(0, again.New);
        Assert.Equal((FindingState.Dismissed, "Chủ hộ kinh doanh, không thuộc diện bắt buộc"), (after[dismissed.Id].State, after[dismissed.Id].StateReason));
        Assert.Equal((FindingState.CaseOpened, caseId), (after[confirmed.Id].State, after[confirmed.Id].CaseId));
        Assert.Equal(again.RunId, after[dismissed.Id].LastRunId);
        var history = await Database.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Set<FindingEvent>().CountAsync(e => e.FindingId == confirmed.Id, Token));
        Assert.Equal(3, history);
    }

    [Fact]
    public async Task Review_OutOfOrderOrWithoutAReason_IsRefusedAndChangesNothing()
    {
        var data = await LoadAsync(2_000, 3);
        await RunAsync(new CrossCheckRequest(data.Months[^1]));
        var finding = (await FindingsAsync()).First(f => f.Kind == FindingKinds.UninsuredWorker);

        var skipped = await Assert.ThrowsAsync<FindingException>(() => ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.Confirmed, null, Token)));
        await ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.UnderReview, null, Token));
        var blank = await Assert.ThrowsAsync<FindingException>(() => ReviewAsync(r => r.MoveAsync(finding.Id, FindingState.Dismissed, "  ", Token)));
        var noCase = await Assert.ThrowsAsync<FindingException>(() => Database.InScopeAsync(s => s.GetRequiredService<FindingReview>().OpenCaseAsync(finding.Id, Token)));

        Assert.Contains("from 'New' to 'Confirmed'", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("reason", blank.Message, StringComparison.Ordinal);
        Assert.Contains("confirmed", noCase.Message, StringComparison.Ordinal);
        Assert.Equal(FindingState.UnderReview, (await FindingsAsync()).Single(f => f.Id == finding.Id).State);
    }

    [Fact]
    public async Task Findings_OfACommune_AreInvisibleToAnotherCommunesUser()
    {
        var data = await LoadAsync(2_000, 5);
        await RunAsync(new CrossCheckRequest(data.Months[^1]));
        var all = await FindingsAsync();
        var (commune, other) = all.Where(f => f.UnitId != null).GroupBy(f => f.UnitId!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2).ToList() switch
        {
            [var a, var b] => (a, b),
            _ => throw new InvalidOperationException("the data should place findings in at least two communes"),
        };

        var seen = await Database.InScopeAsync(async s =>
        {
            s.GetRequiredService<UnitScope>().Restrict(await s.GetRequiredService<IUnitScopeSource>().UnitIdsCoveredByAsync(commune, Token));
            return await s.GetRequiredService<BaoPhuDbContext>().Set<Finding>().AsNoTracking().ToListAsync(Token);
        });

        Assert.NotEmpty(seen);
        Assert.All(seen, f => Assert.Equal(commune, f.UnitId));
        Assert.Equal(all.Count(f => f.UnitId == commune), seen.Count);
        Assert.DoesNotContain(seen, f => f.UnitId == other);
    }

    [Fact]
    public async Task Run_ForAUnit_KeepsOnlyItsEmployersFindings()
    {
        var data = await LoadAsync(2_000, 5);
        var month = data.Months[^1];
        var whole = await RunAsync(new CrossCheckRequest(month));
        var byUnit = (await FindingsAsync()).Where(f => f.UnitId != null).GroupBy(f => f.UnitId!.Value).OrderByDescending(g => g.Count()).First();
        var code = await Database.InScopeAsync(async s => (await s.GetRequiredService<IUnitDirectory>().GetAsync([byUnit.Key], Token))[byUnit.Key].Code);

        var limited = await RunAsync(new CrossCheckRequest(month, code));

        Assert.Equal(byUnit.Count(), limited.Counts.Values.Sum());
        Assert.True(whole.Counts.Values.Sum() > limited.Counts.Values.Sum());
        Assert.Equal(0, limited.Gone);
    }

    [Fact]
    public async Task Run_OnPayrollRowsWithoutAnId_MatchesByNameAndBirthDateAndHeedsNamesakes()
    {
        // Three pairs of name and birth date: An has a namesake insured at the builder; Bình's two
        // namesakes are both uninsured; Chi, known to SI alone, pays voluntary SI.
        const string Period = "2025-01";
        var summary = DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: 200, Months: 1, Seed: 11), Files.Path);
        await GeneratedProvince.ImportUnitsAsync(Database, Files.Path, Token);
        var commune = File.ReadLines(Path.Combine(Files.Path, summary.Files.First(f => f.Feed == "si-participants").File)).Skip(1).First().Split(',')[6];
        var (builder, bakery) = (FeedFiles.TaxCode(950), FeedFiles.TaxCode(951));
        var an = new[] { FeedFiles.Person(960), FeedFiles.Person(960 + 420) };
        var binh = new[] { FeedFiles.Person(961), FeedFiles.Person(961 + 420) };
        var chi = FeedFiles.Person(962);
        Assert.Equal(an[0].BirthDate, an[1].BirthDate);
        Assert.Equal(binh[0].BirthDate, binh[1].BirthDate);
        string Si((string Id, DateOnly BirthDate, Sex Sex) p, string name, string scheme, string employer) =>
            $"{Period},{9_100_000_000L + p.BirthDate.DayNumber},{p.Id},{name},{p.BirthDate:yyyy-MM-dd},{(p.Sex == Sex.Male ? "M" : "F")},{commune},{scheme},{employer},6000000,{(scheme == "compulsory" ? 1 : 0)}\n";
        string Tax(string employer, string id, string name, DateOnly birth) => $"{Period},{employer},{id},{name},{birth:yyyy-MM-dd},9000000\n";
        await ImportAsync("si-participants",
            "period,si_number,person_id,full_name,birth_date,gender,residence_commune_code,scheme,employer_tax_code,insured_wage,has_ui\n" +
            Si(an[0], "Nguyễn Văn An", "compulsory", builder) +
            Si(chi, "Lê Thị Chi", "voluntary", ""));
        await ImportAsync("tax-employees",
            FeedFiles.TaxEmployeesHeader + "\n" +
            Tax(builder, an[0].Id, "Nguyễn Văn An", an[0].BirthDate) + Tax(builder, an[1].Id, "Nguyễn Văn An", an[1].BirthDate) +
            Tax(builder, binh[0].Id, "Trần Văn Bình", binh[0].BirthDate) + Tax(builder, binh[1].Id, "Trần Văn Bình", binh[1].BirthDate) +
            Tax(bakery, "", "NGUYEN VAN AN", an[0].BirthDate) + Tax(bakery, "", "Tran Van Binh", binh[0].BirthDate) +
            Tax(bakery, "", "Lê Thị Chi", chi.BirthDate));
        await Database.InScopeAsync(s => s.GetRequiredService<IFeedImports>().RefreshAsync(Token));

        await RunAsync(new CrossCheckRequest(Period, Kinds: [FindingKinds.HeadcountGap, FindingKinds.UninsuredWorker]));

        var found = (await FindingsAsync()).Where(f => f.EmployerTaxCode == bakery).Select(f => (f.Kind, f.PersonKey, f.PersonId, f.WeakMatch)).Order().ToList();
        var binhKey = $"tran van binh|{binh[0].BirthDate:yyyy-MM-dd}";
        Assert.Equal(
            new[]
            {
                (FindingKinds.HeadcountGap, binhKey, (string?)null, true),
                (FindingKinds.HeadcountGap, chi.Id, (string?)chi.Id, true),
                (FindingKinds.UninsuredWorker, binhKey, (string?)null, true),
            }.Order(),
            found);
    }

    [Fact]
    public async Task Run_WithAMalformedPeriod_SaysWhatIsExpected()
    {
        var error = await Assert.ThrowsAsync<ComplianceException>(() => RunAsync(new CrossCheckRequest("2025-13")));

        Assert.Contains("yyyy-MM", error.Message, StringComparison.Ordinal);
        Assert.Empty(await FindingsAsync());
    }

    private Task<CrossCheckResult> RunAsync(CrossCheckRequest request) =>
        Database.InScopeAsync(s => s.GetRequiredService<ICrossCheck>().RunAsync(request, Token));

    private async Task ImportAsync(string feed, string text)
    {
        var result = await Database.InScopeAsync(s => s.GetRequiredService<IFeedImports>()
            .ImportAsync(new FeedImportRequest(feed, Files.Write($"{feed}.csv", text), DeferRefresh: true), null, Token));
        Assert.True(result.Outcome == FeedOutcome.Committed, string.Join("; ", result.Problems));
    }

    private Task<int> ReviewAsync(Func<FindingReview, Task> action) =>
        Database.InScopeAsync(async s =>
        {
            await action(s.GetRequiredService<FindingReview>());
            return 0;
        });

    private Task<List<Finding>> FindingsAsync() =>
        Database.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().Set<Finding>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(Token));

    private Task<(IReadOnlyList<string> Months, string Truth)> LoadAsync(int workers, int seed) => GeneratedMonths.LoadAsync(Database, Files, workers, seed, Token);
}

public sealed class SqliteCrossCheckTests() : CrossCheckTests(DatabaseProvider.Sqlite);

public sealed class PostgresCrossCheckTests() : CrossCheckTests(DatabaseProvider.Postgres);
