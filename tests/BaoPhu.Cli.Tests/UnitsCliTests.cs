using System.Text.Json;
using BaoPhu.Testing;

namespace BaoPhu.Cli.Tests;

/// <summary>
/// <c>baophu units …</c> against Vietnam's real unit files in ../shared/data, on each provider: what a
/// user types and what they read back, including the mistakes they make.
/// </summary>
public abstract class UnitsCliTests<TFixture>(TFixture fixture)
    where TFixture : NationalCliFixture
{
    private const string CountsBefore = """{"provinces":63,"districts":696,"communes":10047}""";
    private const string CountsAfter = """{"provinces":34,"districts":0,"communes":3321}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<CliRun> RunAsync(params string[] args) => fixture.RunAsync(Token, args);

    private static JsonElement Summary(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Output).RootElement;
    }

    /// <summary>The single line of standard error that mentions <paramref name="text"/>.</summary>
    private static string ErrorLineWith(CliRun run, string text) =>
        Assert.Single(run.Error.Split('\n'), line => line.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Import_OnEmptyDatabase_CreatesEveryUnitOfTheListAndPrintsJsonSummary()
    {
        var summary = Summary(fixture.ListImport);

        Assert.Equal(63 + 696 + 10_047, summary.GetProperty("created").GetInt32());
        Assert.Equal(0, summary.GetProperty("ended").GetInt32());
        Assert.Equal(0, summary.GetProperty("links_created").GetInt32());
    }

    [Fact]
    public void ImportMerger_AfterList_PrintsJsonSummaryThatAddsUpToTheUnitsInForceAfter()
    {
        var summary = Summary(fixture.MergerImport);
        var created = summary.GetProperty("created").GetInt32();
        var ended = summary.GetProperty("ended").GetInt32();

        // What was in force, less what ended, plus what began: the 34 provinces and 3,321 communes.
        Assert.Equal(34 + 3_321, 63 + 696 + 10_047 - ended + created);
        Assert.True(ended >= 696, $"all 696 districts are abolished: {fixture.MergerImport.Output}");
        Assert.True(summary.GetProperty("links_created").GetInt32() >= 10_047 - 3_321, fixture.MergerImport.Output);
    }

    [Fact]
    public async Task Count_OnListDate_PrintsOfficialCountsAsJson()
    {
        var run = await RunAsync("units", "count", "--on", NationalCliFixture.ListDate, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CountsBefore, run.Output);
    }

    [Fact]
    public async Task Count_OnMergerDate_PrintsOfficialCountsAsJson()
    {
        var run = await RunAsync("units", "count", "--on", NationalCliFixture.MergerDate, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CountsAfter, run.Output);
    }

    [Fact]
    public async Task Lineage_OfCongViBeforeMerger_PrintsBothPartialSuccessorsAsJson()
    {
        var run = await RunAsync("units", "lineage", "00007", "--on", NationalCliFixture.ListDate, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """[{"code":"00008","name":"Phường Ngọc Hà","link":"partial"},{"code":"00025","name":"Phường Giảng Võ","link":"partial"}]""",
            run.Output);
    }

    [Fact]
    public async Task Import_WhenBothFilesAreImportedAgain_ChangesNothing()
    {
        var list = Summary(await RunAsync(NationalCliFixture.ImportListArgs));
        var merger = Summary(await RunAsync(NationalCliFixture.ImportMergerArgs));

        foreach (var summary in new[] { list, merger })
        {
            Assert.Equal(0, summary.GetProperty("created").GetInt32());
            Assert.Equal(0, summary.GetProperty("ended").GetInt32());
            Assert.Equal(0, summary.GetProperty("links_created").GetInt32());
        }

        Assert.Equal(CountsBefore, (await RunAsync("units", "count", "--on", NationalCliFixture.ListDate, "--json")).Output);
        Assert.Equal(CountsAfter, (await RunAsync("units", "count", "--on", NationalCliFixture.MergerDate, "--json")).Output);
    }

    [Theory]
    [InlineData("--dvhcvn")]
    [InlineData("--merges")]
    [InlineData("--provinces")]
    public async Task Import_WhenFileIsMissing_FailsNamingTheFileInVietnameseAndEnglish(string option)
    {
        var missing = Path.Combine(Path.GetTempPath(), "baophu-tests", $"khong-co-{Guid.NewGuid():N}.json");
        var args = option == "--dvhcvn" ? NationalCliFixture.ImportListArgs : NationalCliFixture.ImportMergerArgs;
        args[Array.IndexOf(args, option) + 1] = missing;

        var run = await RunAsync(args);

        Assert.NotEqual(0, run.ExitCode);
        var line = ErrorLineWith(run, Path.GetFileName(missing));
        Assert.Contains("Không tìm thấy tệp", line);
        Assert.Contains("file not found", line);
    }

    [Fact]
    public async Task Count_WhenDateIsNotADate_FailsSayingSo()
    {
        var run = await RunAsync("units", "count", "--on", "2025-13-01", "--json");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("provinces", run.Output);
        var line = ErrorLineWith(run, "2025-13-01");
        Assert.Contains("không hợp lệ", line);
        Assert.Contains("not a date", line);
    }

    [Fact]
    public async Task Lineage_WhenCodeIsNotInForceOnTheDate_FailsSayingSo()
    {
        // Phường Cống Vị was merged away on 1/7/2025, so it has no version in force on that day.
        var run = await RunAsync("units", "lineage", "00007", "--on", NationalCliFixture.MergerDate, "--json");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Output);
        var line = ErrorLineWith(run, "00007");
        Assert.Contains("Không có đơn vị", line);
        Assert.Contains("no unit", line);
    }

    [Fact]
    public async Task Import_WhenJsonIsMalformed_NamesFileAndLineAndLeavesCountsUnchanged()
    {
        using var files = new TempFolder();
        var broken = files.Write("hong.json", """
            {"data":[
              {"level1_id":"01","name":"Thành phố Hà Nội","type":"Thành phố Trung ương",
               "level2s":[ {"level2_id":"001", "name": } ]}
            ]}
            """);

        var run = await RunAsync("units", "import", "--dvhcvn", broken, "--on", NationalCliFixture.ListDate);

        Assert.NotEqual(0, run.ExitCode);
        var line = ErrorLineWith(run, "line 3");
        Assert.Contains("hong.json", line);
        Assert.Equal(CountsBefore, (await RunAsync("units", "count", "--on", NationalCliFixture.ListDate, "--json")).Output);
        Assert.Equal(CountsAfter, (await RunAsync("units", "count", "--on", NationalCliFixture.MergerDate, "--json")).Output);
    }
}

[Collection(nameof(SqliteNationalCli))]
public sealed class SqliteUnitsCliTests(SqliteNationalCli fixture) : UnitsCliTests<SqliteNationalCli>(fixture);

[Collection(nameof(PostgresNationalCli))]
public sealed class PostgresUnitsCliTests(PostgresNationalCli fixture) : UnitsCliTests<PostgresNationalCli>(fixture);
