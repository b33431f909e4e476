using BaoPhu.Platform.Tabular;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.ShowCoverage;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Targets.Tests;

/// <summary>Seed 001's annex for Triệu Sơn (Thanh Hóa 38, district 397) on the real units, on each provider.</summary>
public abstract class Seed001Tests<TFixture>(TFixture fixture) : IDisposable
    where TFixture : NationalUnitsFixture
{
    private readonly TempFolder files = new();

    private TestDatabase Db => fixture.Database;

    public void Dispose()
    {
        files.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<CoverageImportResult> ImportTargetsAsync(string file) =>
        Db.InScopeAsync(s => s.GetRequiredService<ICoverageImports>().ImportTargetsAsync(file, TestContext.Current.CancellationToken));

    private Task<CoverageImportResult> ImportActualsAsync(string file) =>
        Db.InScopeAsync(s => s.GetRequiredService<ICoverageImports>().ImportActualsAsync(file, TestContext.Current.CancellationToken));

    private Task<CoverageView?> ViewAsync(string code, int year, DateOnly? on = null) =>
        Db.InScopeAsync(s => s.GetRequiredService<CoverageQueries>().ViewAsync(code, year, on, null, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Show_WithSeed001Targets_GivesTheAnnexRates()
    {
        var result = await ImportTargetsAsync(files.Write("targets-397.csv", Seed001.TrieuSonTargets));
        var again = await ImportTargetsAsync(files.Write("targets-397-again.csv", Seed001.TrieuSonTargets));
        var view = await ViewAsync("397", 2020);

        Assert.Equal(new CoverageImportResult("targets", 6, 6, 0, 0), result);
        Assert.Equal(new CoverageImportResult("targets", 6, 0, 0, 6), again);
        Assert.Equal("Huyện Triệu Sơn", view!.Unit.Name);
        var rates = view.Cards.ToDictionary(c => c.Value.Indicator.Code, c => CoverageApi.Result(c.Value).Rate);
        Assert.Equal(97.7m, rates["si.compulsory.rate"]);
        Assert.Equal(2.7m, rates["si.voluntary.rate"]);
        Assert.Equal(95.0m, rates["ui.rate"]);
        Assert.Equal(15_890m, view.Cards.Single(c => c.Value.Indicator.Code == "si.compulsory.required").Value.Target);
    }

    [Fact]
    public async Task Show_WithCommuneActuals_RollsUpToTheDistrictAndProvince()
    {
        // Two communes of Triệu Sơn in December 2023 (before the merger, so the old codes apply).
        var december = new DateOnly(2023, 12, 31);
        var communes = await Db.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<IUnitDirectory>();
            var district = await directory.FindAsync("397", december, TestContext.Current.CancellationToken);
            return await directory.ChildrenAsync(district!.Id, december, TestContext.Current.CancellationToken);
        });
        var (a, b) = (communes[0].Code, communes[1].Code);
        await ImportActualsAsync(files.Write("actuals.csv", $"""
            period,unit_code,indicator,value
            2023-12,{a},si.compulsory.participants,1200
            2023-12,{b},si.compulsory.participants,800
            2023-12,{a},si.compulsory.required,1300
            2023-12,{b},si.compulsory.required,900
            """));

        var district = await ViewAsync("397", 2023);
        var province = await ViewAsync("38", 2023);

        var participants = district!.Cards.Single(c => c.Value.Indicator.Code == "si.compulsory.participants").Value;
        Assert.Equal(2000m, participants.Actual);
        Assert.Equal(12, participants.AsOfMonth);
        Assert.Equal(2000m / 2200m * 100m, district.Cards.Single(c => c.Value.Indicator.Code == "si.compulsory.rate").Value.Actual);
        Assert.True(province!.Cards.Single(c => c.Value.Indicator.Code == "si.compulsory.participants").Value.Actual >= 2000m);
        var child = Assert.Single(district.Children, c => c.Unit.Code == a);
        Assert.Equal(1200m, child.Values["si.compulsory.participants"].Actual);
    }

    [Fact]
    public async Task Show_OnNewUnits_ReattributesActualsOfOldCommunes()
    {
        // Phường Cống Vị (00007) went partly into Ngọc Hà (00008) and partly into Giảng Võ (00025).
        await ImportActualsAsync(files.Write("cong-vi.csv", """
            period,unit_code,indicator,value
            2024-12,00007,hi.participants,1000
            """));

        var oldView = await ViewAsync("00007", 2024);
        var ngocHa = await ViewAsync("00008", 2024, new DateOnly(2025, 7, 1));

        Assert.Equal(1000m, oldView!.Cards.Single(c => c.Value.Indicator.Code == "hi.participants").Value.Actual);
        var share = ngocHa!.Cards.Single(c => c.Value.Indicator.Code == "hi.participants").Value.Actual;
        Assert.NotNull(share);
        Assert.InRange(share.Value, 1m, 999m);
    }

    [Fact]
    public async Task Show_OnOldUnits_ReattributesActualsOfNewCommunesBackward()
    {
        // Giảng Võ (00025) after the merger, seen on the units of before it: its predecessors share it.
        await ImportActualsAsync(files.Write("giang-vo.csv", """
            period,unit_code,indicator,value
            2025-09,00025,pension.recipients,900
            """));

        var newView = await ViewAsync("00025", 2025, new DateOnly(2025, 9, 30));
        var congVi = await ViewAsync("00007", 2025, new DateOnly(2025, 3, 1));

        Assert.Equal(900m, newView!.Cards.Single(c => c.Value.Indicator.Code == "pension.recipients").Value.Actual);
        var share = congVi!.Cards.Single(c => c.Value.Indicator.Code == "pension.recipients").Value.Actual;
        Assert.InRange(share!.Value, 1m, 899m);
    }

    [Fact]
    public async Task ImportActuals_WithBadRows_NamesRowAndColumnAndChangesNothing()
    {
        var file = files.Write("bad.csv", """
            period,unit_code,indicator,value
            2024-12,397,si.compulsory.participants,100
            2024-13,397,si.compulsory.participants,100
            2024-12,99999,si.compulsory.participants,100
            2024-12,397,si.compulsory.rate,97.7
            2024-12,397,si.compulsory.required,-5
            """);

        var error = await Assert.ThrowsAsync<TabularFileException>(() => ImportActualsAsync(file));
        var view = await ViewAsync("397", 2024);

        Assert.Equal([(3, "period"), (4, "unit_code"), (5, "indicator"), (6, "value")], error.Problems.Select(p => (p.Row ?? 0, p.Column ?? "")).ToList());
        Assert.All(error.Problems, p => Assert.Equal("bad.csv", p.File));
        Assert.DoesNotContain(view!.Cards, c => c.Value.Indicator.Code == "si.compulsory.participants" && c.Value.Actual is not null);
    }
}

public sealed class SqliteSeed001Tests(SqliteNationalUnits fixture)
    : Seed001Tests<SqliteNationalUnits>(fixture), IClassFixture<SqliteNationalUnits>;

public sealed class PostgresSeed001Tests(PostgresNationalUnits fixture)
    : Seed001Tests<PostgresNationalUnits>(fixture), IClassFixture<PostgresNationalUnits>;
