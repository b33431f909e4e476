using System.Text.Json;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using Microsoft.Extensions.Configuration;

namespace BaoPhu.Cli.Tests;

/// <summary>
/// <c>baophu demo generate</c> as a user runs it: no database configured, progress on standard error,
/// a JSON summary on standard output, and unit files the real <c>units import</c> takes.
/// </summary>
public sealed class DemoCliTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // No connection string at all: the command must not open a database.
    private static IConfiguration NoDatabase => new ConfigurationBuilder().Build();

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DemoGenerate_WithoutDatabase_WritesFilesReportsProgressAndPrintsJsonSummary()
    {
        var run = await Cli.RunAsync(NoDatabase, Token, "demo", "generate", "--workers", "400", "--months", "3", "--seed", "11", "--out", folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.Output).RootElement;
        var files = summary.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2 + (3 * 4) + 2, files.Count);
        Assert.All(files, file => Assert.True(File.Exists(Path.Combine(folder.Path, file.GetProperty("file").GetString()!))));
        Assert.All(files, file => Assert.Contains($"Đang ghi / writing {file.GetProperty("file").GetString()} …", run.Error, StringComparison.Ordinal));
        Assert.Equal(
            files.Where(file => file.GetProperty("feed").GetString() == "tax-employees").Sum(file => file.GetProperty("rows").GetInt64()),
            summary.GetProperty("rows").GetProperty("tax-employees").GetInt64());
        Assert.Equal(
            ["unregistered_employer", "headcount_gap", "uninsured_worker", "payroll_gap", "wage_below_floor", "late_payment", "evasion", "closed_with_arrears"],
            summary.GetProperty("planted").EnumerateObject().Select(kind => kind.Name));
        Assert.True(summary.GetProperty("planted").GetProperty("headcount_gap").GetInt32() > 0, run.Output);
        Assert.Equal(0, summary.GetProperty("unplanted").GetInt32());
        Assert.Equal(
            File.ReadAllLines(Path.Combine(folder.Path, "truth.csv")).Length - 1,
            summary.GetProperty("planted").EnumerateObject().Sum(kind => kind.Value.GetInt32()));
    }

    [Fact]
    public async Task DemoGenerate_ThenUnitsImport_ImportsTheGeneratedProvince()
    {
        var generated = await Cli.RunAsync(NoDatabase, Token, "demo", "generate", "--workers", "300", "--months", "1", "--first-period", "2025-06", "--out", folder.Path);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);

        var list = await Cli.RunAsync(database.Configuration, Token, "units", "import", "--dvhcvn", Path.Combine(folder.Path, "dvhcvn-2025-03-01.json"), "--on", "2025-03-01");
        var merger = await Cli.RunAsync(
            database.Configuration, Token, "units", "import-merger",
            "--merges", Path.Combine(folder.Path, "2025-07-01-merges.json"),
            "--provinces", Path.Combine(folder.Path, "2025-07-01-provinces.csv"),
            "--on", "2025-07-01");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.True(merger.ExitCode == 0, merger.ToString());
        var oldCommunes = File.ReadAllLines(Path.Combine(folder.Path, "si-participants-2025-06.csv")).Skip(1)
            .Select(line => line.Split(',')[6]).Distinct().Count();
        Assert.True(JsonDocument.Parse(list.Output).RootElement.GetProperty("created").GetInt32() > oldCommunes, list.Output);
        var count = await Cli.RunAsync(database.Configuration, Token, "units", "count", "--on", "2025-07-01", "--json");
        Assert.Equal(
            File.ReadAllLines(Path.Combine(folder.Path, "labour-statistics-2025.csv")).Length - 1,
            JsonDocument.Parse(count.Output).RootElement.GetProperty("communes").GetInt32());
    }

    [Theory]
    [InlineData("--workers", "5")]
    [InlineData("--province-code", "9")]
    [InlineData("--first-period", "2023-01")]
    public async Task DemoGenerate_WithOptionOutOfRange_FailsWithBilingualMessageAndWritesNothing(string option, string value)
    {
        var run = await Cli.RunAsync(NoDatabase, Token, "demo", "generate", "--out", folder.Path, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(" / ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(Directory.EnumerateFiles(folder.Path));
    }

    [Fact]
    public async Task DemoGenerate_WithMonthThatIsNoMonth_FailsToParseWithExitCode2()
    {
        var run = await Cli.RunAsync(NoDatabase, Token, "demo", "generate", "--out", folder.Path, "--first-period", "2025-13");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("yyyy-MM", run.Error, StringComparison.Ordinal);
    }
}
