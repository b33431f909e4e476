using BaoPhu.Platform.Persistence;
using BaoPhu.Targets.AssignTargets;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Targets.ShowCoverage;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Targets.Tests;

/// <summary>The plans' target workflow on a small province of two communes, on each provider.</summary>
public abstract class TargetWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Participants = "si.compulsory.participants";
    private static readonly DateOnly YearEnd = new(2026, 12, 31);
    private readonly TempFolder files = new();
    private TestDatabase db = null!;
    private UnitRef district = null!;
    private IReadOnlyList<UnitRef> communes = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(provider);
        var list = files.Write("units.json", """
            {"data":[{"level1_id":"98","name":"Tỉnh Thử","type":"Tỉnh","level2s":[
              {"level2_id":"981","name":"Huyện Một","type":"Huyện","level3s":[
                {"level3_id":"98001","name":"Xã An","type":"Xã"},{"level3_id":"98002","name":"Xã Bình","type":"Xã"}]}]}]}
            """);
        await db.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportUnitListAsync(list, new DateOnly(2025, 3, 1), CancellationToken.None));
        district = (await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("981", YearEnd, CancellationToken.None)))!;
        communes = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().ChildrenAsync(district.Id, YearEnd, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }

        files.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<int> SetAsync(Guid unitId, decimal value, TargetOrigin origin = TargetOrigin.Assigned) =>
        db.InScopeAsync(s => s.GetRequiredService<TargetWorkflow>().SetAsync(unitId, 2026, [(Participants, value)], origin, CancellationToken.None));

    private Task<int> ApproveAsync(string number) =>
        db.InScopeAsync(s => s.GetRequiredService<ITargetWorkflow>().ApproveAsync(
            district.Id, 2026, new TargetDecision(number, new DateOnly(2026, 1, 15), "HĐND huyện", null), CancellationToken.None));

    private async Task<TargetLine> LineAsync() =>
        (await db.InScopeAsync(s => s.GetRequiredService<TargetBoard>().SheetAsync("981", 2026, YearEnd, CancellationToken.None)))!
            .Lines.Single(l => l.Indicator.Code == Participants);

    [Fact]
    public async Task Sheet_WhenCommunesPropose_ShowsTheirSumAgainstTheDistrictTarget()
    {
        await SetAsync(district.Id, 5000);
        await SetAsync(communes[0].Id, 2100, TargetOrigin.Proposed);
        await SetAsync(communes[1].Id, 2600, TargetOrigin.Proposed);

        var line = await LineAsync();

        Assert.Equal(5000m, line.Own.Value);
        Assert.Equal(4700m, line.ChildrenSum);
        Assert.Equal(300m, line.Difference);
        Assert.Equal(TargetOrigin.Proposed, line.Children[communes[0].Id].InForce!.Origin);
        Assert.Equal(TargetState.Draft, line.Own.InForce!.State);
    }

    [Fact]
    public async Task Approve_ThenRevise_KeepsTheApprovedVersionInForceUntilTheRevisionIsApproved()
    {
        await SetAsync(district.Id, 5000);
        await SetAsync(communes[0].Id, 2500);
        Assert.Equal(2, await ApproveAsync("12/NQ-HĐND"));

        await SetAsync(district.Id, 5200);
        var pending = await LineAsync();
        var dashboard = await db.InScopeAsync(s => s.GetRequiredService<CoverageQueries>().ViewAsync("981", 2026, YearEnd, null, CancellationToken.None));

        Assert.Equal(5000m, pending.Own.Value);
        Assert.Equal("12/NQ-HĐND", pending.Own.InForce!.DecisionNumber);
        Assert.Equal(5200m, pending.Own.Draft!.Value);
        Assert.Equal(5000m, dashboard!.Cards.Single(c => c.Value.Indicator.Code == Participants).Value.Target);

        Assert.Equal(1, await ApproveAsync("20/NQ-HĐND"));
        var revised = await LineAsync();

        Assert.Equal(5200m, revised.Own.Value);
        Assert.Equal(
            [(2, TargetState.Approved, "20/NQ-HĐND"), (1, TargetState.Superseded, "12/NQ-HĐND")],
            revised.Own.History.Select(v => (v.Version, v.State, v.DecisionNumber)).ToList());
    }

    [Fact]
    public async Task Approve_WhenNothingIsDraft_IsRefused()
    {
        var error = await Assert.ThrowsAsync<TargetException>(() => ApproveAsync("1/QĐ"));

        Assert.Contains("no draft targets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WithMonthlyActuals_RanksCommunesAndFlagsTheLaggingOne()
    {
        await SetAsync(communes[0].Id, 1200);
        await SetAsync(communes[1].Id, 1200);
        var actuals = files.Write("actuals.csv", """
            period,unit_code,indicator,value
            2025-12,98001,si.compulsory.participants,1000
            2025-12,98002,si.compulsory.participants,1000
            2026-06,98001,si.compulsory.participants,1110
            2026-06,98002,si.compulsory.participants,1010
            """);
        await db.InScopeAsync(s => s.GetRequiredService<ICoverageImports>().ImportActualsAsync(actuals, CancellationToken.None));

        var view = await db.InScopeAsync(s => s.GetRequiredService<CoverageQueries>().ViewAsync("981", 2026, YearEnd, Participants, CancellationToken.None));

        // Halfway through the year each commune should have gained 100 of its 200.
        Assert.Equal(["98001", "98002"], view!.Children.Select(c => c.Unit.Code).ToList());
        Assert.Equal([1, 2], view.Children.Select(c => c.Rank ?? 0).ToList());
        Assert.Equal(ProgressStatus.OnTrack, view.Children[0].Values[Participants].Progress.Status);
        Assert.Equal(ProgressStatus.Lagging, view.Children[1].Values[Participants].Progress.Status);
        var card = view.Cards.Single(c => c.Value.Indicator.Code == Participants);
        Assert.Equal(2120m, card.Value.Actual);
        Assert.Equal(2400m, card.Value.Target);
        Assert.Equal(6, card.Value.AsOfMonth);
    }

    [Fact]
    public async Task Dashboard_WithLabourForceAdjustments_DerivesTheAdjustedLabourForceAndItsShare()
    {
        // Seed 002: the labour force less those working abroad, out of the province or in the army.
        var actuals = files.Write("labour.csv", """
            period,unit_code,indicator,value
            2026,98001,labour_force.working_age,3000
            2026,98001,labour_force.working_abroad,200
            2026,98001,labour_force.out_of_province,250
            2026,98001,labour_force.in_military_service,50
            2026,98002,labour_force.working_age,2000
            2026-10,98001,si.compulsory.participants,900
            2026-10,98001,si.voluntary.participants,100
            2026-10,98002,si.compulsory.participants,500
            2026-10,98002,si.voluntary.participants,100
            """);
        await db.InScopeAsync(s => s.GetRequiredService<ICoverageImports>().ImportActualsAsync(actuals, CancellationToken.None));

        var view = await db.InScopeAsync(s => s.GetRequiredService<CoverageQueries>().ViewAsync("981", 2026, YearEnd, null, CancellationToken.None));

        decimal? Actual(string code) => view!.Cards.Single(c => c.Value.Indicator.Code == code).Value.Actual;
        Assert.Equal(4500m, Actual("labour_force.adjusted"));
        Assert.Equal(1600m / 4500m * 100m, Actual("si.labour_force_share"));
        Assert.Equal(200m / 4500m * 100m, Actual("si.voluntary.labour_force_share"));
        Assert.DoesNotContain(view!.Cards, c => c.Value.Indicator.Code == "labour_force.working_abroad");
    }

    [Fact]
    public async Task ImportTargets_FromXlsx_ReadsTheSameAsCsvAndKeepsMilestones()
    {
        var path = Path.Combine(files.Path, "targets.xlsx");
        await MiniExcelLibs.MiniExcel.SaveAsAsync(path, new[]
        {
            new Dictionary<string, object> { ["year"] = 2026, ["unit_code"] = "981", ["indicator"] = Participants, ["value"] = 5000 },
            new Dictionary<string, object> { ["year"] = 2030, ["unit_code"] = "981", ["indicator"] = Participants, ["value"] = 8000 },
            new Dictionary<string, object> { ["year"] = 2030, ["unit_code"] = "981", ["indicator"] = "si.labour_force_share", ["value"] = 60 },
        }, cancellationToken: TestContext.Current.CancellationToken);
        var actuals = files.Write("a.csv", """
            period,unit_code,indicator,value
            2025-12,98001,si.compulsory.participants,2500
            2025-12,98002,si.compulsory.participants,2000
            2026-10,98001,si.compulsory.participants,2700
            2026-10,98002,si.compulsory.participants,2100
            """);

        var result = await db.InScopeAsync(s => s.GetRequiredService<ICoverageImports>().ImportTargetsAsync(path, CancellationToken.None));
        await db.InScopeAsync(s => s.GetRequiredService<ICoverageImports>().ImportActualsAsync(actuals, CancellationToken.None));
        var view = await db.InScopeAsync(s => s.GetRequiredService<CoverageQueries>().ViewAsync("981", 2026, YearEnd, null, CancellationToken.None));

        Assert.Equal(new CoverageImportResult("targets", 3, 3, 0, 0), result);
        var card = view!.Cards.Single(c => c.Value.Indicator.Code == Participants);
        Assert.Equal([2026, 2030], card.Milestones.Select(m => m.Year).ToList());
        var milestone = card.Milestones[1];
        // From 4,800 at the end of October 2026 to 8,000 by the end of 2030: 4 years and 2 months.
        var years = 4m + (2m / 12m);
        Assert.Equal((decimal)((Math.Pow(8000.0 / 4800.0, 1 / (double)years) - 1) * 100), milestone.NeededPerYear!.Value, 6);
        Assert.Equal(
            [(2025, 12, 4500m), (2026, 10, 4800m)],
            view.Series.Single(s => s.Indicator.Code == Participants).Actuals.Select(p => (p.Year, p.Month, p.Value)).ToList());
    }

    [Fact]
    public async Task CommuneUser_SettingOwnTarget_RebuildsTotalsThatIncludeOtherCommunes()
    {
        await SetAsync(communes[1].Id, 1000);

        await db.InScopeAsync(s =>
        {
            s.GetRequiredService<UnitScope>().Restrict([communes[0].Id]);
            return s.GetRequiredService<TargetWorkflow>().SetAsync(communes[0].Id, 2026, [(Participants, 700m)], TargetOrigin.Proposed, CancellationToken.None);
        });
        var view = await db.InScopeAsync(s => s.GetRequiredService<CoverageQueries>().ViewAsync("981", 2026, YearEnd, null, CancellationToken.None));

        Assert.Equal(1700m, view!.Cards.Single(c => c.Value.Indicator.Code == Participants).Value.Target);
    }

    [Fact]
    public async Task CommuneUser_ElsewhereInTheDistrict_SeesNothingAndChangesNothing()
    {
        var (mine, other) = (communes[0], communes[1]);
        await SetAsync(other.Id, 1000);
        var file = files.Write("other.csv", """
            period,unit_code,indicator,value
            2026-05,98001,si.compulsory.participants,10
            2026-05,98002,si.compulsory.participants,20,extra
            2026-05,98002,si.compulsory.participants,20
            """);

        var (view, sheet, setError, importError) = await db.InScopeAsync(async s =>
        {
            s.GetRequiredService<UnitScope>().Restrict([mine.Id]);
            var view = await s.GetRequiredService<CoverageQueries>().ViewAsync(other.Code, 2026, YearEnd, null, CancellationToken.None);
            var sheet = await s.GetRequiredService<TargetBoard>().SheetAsync(other.Code, 2026, YearEnd, CancellationToken.None);
            var setError = await Record.ExceptionAsync(() =>
                s.GetRequiredService<TargetWorkflow>().SetAsync(other.Id, 2026, [(Participants, 5m)], TargetOrigin.Proposed, CancellationToken.None));
            var importError = await Record.ExceptionAsync(() => s.GetRequiredService<ICoverageImports>().ImportActualsAsync(file, CancellationToken.None));
            return (view, sheet, setError, importError);
        });

        Assert.Null(view);
        Assert.Null(sheet);
        Assert.Contains("outside your scope", Assert.IsType<TargetException>(setError).Message, StringComparison.Ordinal);
        var problems = Assert.IsType<Platform.Tabular.TabularFileException>(importError).Problems;
        Assert.Equal([3, 4], problems.Select(p => p.Row ?? 0).ToList());
        Assert.Contains("outside your scope", problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(1000m, (await LineAsync()).Children[other.Id].Value);
    }
}

public sealed class SqliteTargetWorkflowTests() : TargetWorkflowTests(DatabaseProvider.Sqlite);

public sealed class PostgresTargetWorkflowTests() : TargetWorkflowTests(DatabaseProvider.Postgres);
