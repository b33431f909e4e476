using System.Globalization;
using System.Text.Json;
using BaoPhu.Testing;

namespace BaoPhu.Cli.Tests;

/// <summary>
/// <c>baophu targets import</c>, <c>actuals import</c>, <c>coverage show</c>, <c>coverage refresh</c>
/// and <c>report annex</c> on the real units, on each provider. The tests share one database and run
/// in any order, so each works on its own year, or imports seed 001's file, which is idempotent.
/// </summary>
public abstract class CoverageCliTests<TFixture>(TFixture fixture) : IDisposable
    where TFixture : NationalCliFixture
{
    private const int AnnexTotalRow = 4;

    private readonly TempFolder files = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        files.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<CliRun> RunAsync(params string[] args) => fixture.RunAsync(Token, args);

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private async Task ImportSeed001Async()
    {
        var summary = Json(await RunAsync("targets", "import", files.Write("targets-397-2020.csv", Seed001.TrieuSonTargets)));

        Assert.Equal(6, summary.GetProperty("rows").GetInt32());
        Assert.Equal(6, summary.GetProperty("imported").GetInt32() + summary.GetProperty("unchanged").GetInt32());
    }

    private async Task<Dictionary<string, JsonElement>> ShowAsync(string code, int year)
    {
        var shown = Json(await RunAsync("coverage", "show", "--unit", code, "--year", year.ToString(CultureInfo.InvariantCulture), "--json"));
        return shown.EnumerateArray().ToDictionary(i => i.GetProperty("indicator").GetString()!);
    }

    private static decimal? Number(JsonElement indicator, string property) =>
        indicator.GetProperty(property).ValueKind == JsonValueKind.Null ? null : indicator.GetProperty(property).GetDecimal();

    [Fact]
    public async Task CoverageShow_WithSeed001Targets_GivesTheAnnexRatesAsJson()
    {
        await ImportSeed001Async();

        var shown = await ShowAsync("397", 2020);

        Assert.Equal(97.7m, Number(shown["si.compulsory.rate"], "rate"));
        Assert.Equal(2.7m, Number(shown["si.voluntary.rate"], "rate"));
        Assert.Equal(95.0m, Number(shown["ui.rate"], "rate"));
        Assert.Equal(15_890m, Number(shown["si.compulsory.required"], "target"));
        Assert.Null(Number(shown["si.compulsory.required"], "actual"));
        Assert.Equal("no_actual", shown["si.compulsory.required"].GetProperty("status").GetString());
        string[] shape = ["indicator", "target", "actual", "rate", "completion", "status", "as_of_month"];
        Assert.All(shown.Values, i => Assert.Superset(shape.ToHashSet(), i.EnumerateObject().Select(p => p.Name).ToHashSet()));
    }

    [Fact]
    public async Task CoverageShow_WithoutJson_PrintsATableInTheCurrentCulture()
    {
        await ImportSeed001Async();
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");

        var run = await RunAsync("coverage", "show", "--unit", "397", "--year", "2020");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Equal("Huyện Triệu Sơn (397), năm / year 2020, đơn vị ngày / units of 31/12/2020", lines[0]);
        var rate = Assert.Single(lines, l => l.StartsWith("si.compulsory.rate ", StringComparison.Ordinal));
        Assert.Contains("Tỷ lệ tham gia BHXH bắt buộc", rate);
        Assert.Contains("97,7%", rate);
        Assert.Contains("15.890", Assert.Single(lines, l => l.StartsWith("si.compulsory.required ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TargetsImport_WhenTheSameFileIsImportedAgain_PrintsImportedZero()
    {
        // 2021 is this test's own year, so the first import is the first for these keys.
        var file = files.Write("targets-397-2021.csv", Seed001.TrieuSonTargets.Replace("2020,", "2021,", StringComparison.Ordinal));

        var first = await RunAsync("targets", "import", file);
        var again = await RunAsync("targets", "import", file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("""{"feed":"targets","rows":6,"imported":6,"replaced":0,"unchanged":0}""", first.Output);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("""{"feed":"targets","rows":6,"imported":0,"replaced":0,"unchanged":6}""", again.Output);
    }

    [Fact]
    public async Task TargetsImport_WhenARowIsBad_NamesRowAndColumnAndChangesNothing()
    {
        await ImportSeed001Async();
        var before = (await RunAsync("coverage", "show", "--unit", "397", "--year", "2020", "--json")).Output;
        var bad = files.Write("bad-targets.csv", """
            year,unit_code,indicator,value
            2020,397,si.compulsory.required,16000
            20x0,397,si.compulsory.participants,15600
            2020,397,ui.required,-5
            """);

        var run = await RunAsync("targets", "import", bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        var lines = run.Error.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("bad-targets.csv:3: column year, value \"20x0\": ", StringComparison.Ordinal) && l.Contains("year (yyyy)"));
        Assert.Contains(lines, l => l.StartsWith("bad-targets.csv:4: column value, value \"-5\": ", StringComparison.Ordinal) && l.Contains(" / "));
        Assert.DoesNotContain(lines, l => l.StartsWith("bad-targets.csv:2", StringComparison.Ordinal));
        Assert.Equal(before, (await RunAsync("coverage", "show", "--unit", "397", "--year", "2020", "--json")).Output);
    }

    [Fact]
    public async Task ActualsImport_ThenCoverageShow_GivesTheActualRateAndStatus()
    {
        // 2022 is this test's own year: actuals for 2020 would turn seed 001's planned rates into actual ones.
        var targets = files.Write("targets-397-2022.csv", Seed001.TrieuSonTargets.Replace("2020,", "2022,", StringComparison.Ordinal));
        var actuals = files.Write("actuals-397-2022.csv", """
            period,unit_code,indicator,value
            2022-12,397,si.compulsory.required,15890
            2022-12,397,si.compulsory.participants,15530
            """);
        Json(await RunAsync("targets", "import", targets));

        var imported = await RunAsync("actuals", "import", actuals);
        var shown = await ShowAsync("397", 2022);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal("""{"feed":"coverage-actuals","rows":2,"imported":2,"replaced":0,"unchanged":0}""", imported.Output);
        var participants = shown["si.compulsory.participants"];
        Assert.Equal(15_530m, Number(participants, "actual"));
        Assert.Equal(100.0m, Number(participants, "completion"));
        Assert.Equal(12, participants.GetProperty("as_of_month").GetInt32());
        Assert.Equal("on_track", participants.GetProperty("status").GetString());
        Assert.Equal(97.7m, Number(shown["si.compulsory.rate"], "actual"));
        Assert.Equal("no_actual", shown["ui.participants"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task CoverageRefresh_AfterImports_RebuildsTheRollupAndShowsTheSame()
    {
        await ImportSeed001Async();
        var before = (await RunAsync("coverage", "show", "--unit", "397", "--year", "2020", "--json")).Output;

        var refreshed = Json(await RunAsync("coverage", "refresh"));

        Assert.True(refreshed.GetProperty("rollup_rows").GetInt32() > 0, refreshed.ToString());
        Assert.Equal(before, (await RunAsync("coverage", "show", "--unit", "397", "--year", "2020", "--json")).Output);
    }

    [Fact]
    public async Task ReportAnnex_WithSeed001Targets_WritesTheAnnexLibreOfficeShowsInVietnamese()
    {
        await ImportSeed001Async();
        using var output = new TempFolder();
        var xlsx = Path.Combine(output.Path, "phu-bieu.xlsx");

        var run = await RunAsync("report", "annex", "--unit", "397", "--year", "2020", "--out", xlsx);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(xlsx, run.Output);
        Assert.Equal([xlsx], Directory.GetFiles(output.Path));
        var csv = await LibreOffice.ConvertToCsvAsync(xlsx, Token);
        Assert.Equal("Huyện Triệu Sơn", csv[1][0]);
        Assert.Equal(["TỔNG SỐ", "15.890", "15.530", "97,7", "71.313", "1.930", "2,7", "14.360", "13.640", "95,0"], csv[AnnexTotalRow][1..]);
    }

    [Fact]
    public async Task CoverageShow_WhenUnitIsUnknown_FailsNamingCodeAndDate()
    {
        var run = await RunAsync("coverage", "show", "--unit", "99999", "--year", "2020", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains("99999", StringComparison.Ordinal));
        Assert.Contains("Không có đơn vị", line);
        Assert.Contains("31/12/2020", line);
        Assert.Contains("no unit", line);
    }

    [Fact]
    public async Task ReportAnnex_WhenUnitIsUnknown_FailsAndLeavesAnEarlierFileAsItWas()
    {
        using var output = new TempFolder();
        var earlier = output.Write("phu-bieu.xlsx", "bản trước / the earlier file");

        var run = await RunAsync("report", "annex", "--unit", "99999", "--year", "2020", "--on", "2020-06-30", "--out", earlier);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains("99999", StringComparison.Ordinal));
        Assert.Contains("30/06/2020", line);
        Assert.Equal([earlier], Directory.GetFiles(output.Path));
        Assert.Equal("bản trước / the earlier file", await File.ReadAllTextAsync(earlier, Token));
    }

    [Theory]
    [InlineData("targets")]
    [InlineData("actuals")]
    public async Task Import_WhenFileIsMissing_FailsNamingTheFile(string feed)
    {
        var missing = Path.Combine(files.Path, "khong-co.csv");

        var run = await RunAsync(feed, "import", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Error.Split('\n'), l => l.Contains("khong-co.csv", StringComparison.Ordinal) && l.Contains("file not found"));
    }
}

[Collection(nameof(SqliteNationalCli))]
public sealed class SqliteCoverageCliTests(SqliteNationalCli fixture) : CoverageCliTests<SqliteNationalCli>(fixture);

[Collection(nameof(PostgresNationalCli))]
public sealed class PostgresCoverageCliTests(PostgresNationalCli fixture) : CoverageCliTests<PostgresNationalCli>(fixture);
