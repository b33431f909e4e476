using System.Globalization;
using System.Text.Json;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;

namespace BaoPhu.Cli.Tests;

/// <summary>
/// The cross-check as an operator runs it from the command line on the generator's data: every month
/// of 200,000 workers through <c>match run</c>, then <c>match evaluate</c> against the generator's
/// <c>truth.csv</c>, for several seeds. At that size a common name and birth date are shared by
/// several people, so the rows without a usable ID meet namesakes.
/// </summary>
public abstract class MatchCliTests(DatabaseProvider provider) : FreshDatabaseTest(provider)
{
    protected const int Workers = 200_000;

    protected async Task AssertPrecisionAndRecallOfAtLeast098PerKindAsync(int workers, int seed)
    {
        await RunOkAsync("demo", "generate", "--workers", workers.ToString(CultureInfo.InvariantCulture), "--months", "12",
            "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", Files.Path);
        await RunOkAsync("units", "import", "--dvhcvn", Path.Combine(Files.Path, "dvhcvn-2025-03-01.json"), "--on", "2025-03-01");
        await RunOkAsync("units", "import-merger", "--merges", Path.Combine(Files.Path, "2025-07-01-merges.json"),
            "--provinces", Path.Combine(Files.Path, "2025-07-01-provinces.csv"), "--on", "2025-07-01");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Files.Path, "manifest.json"), Token));
        foreach (var entry in manifest.RootElement.EnumerateArray())
        {
            var period = entry.GetProperty("period").GetString();
            string[] args = ["import", entry.GetProperty("feed").GetString()!, Path.Combine(Files.Path, entry.GetProperty("file").GetString()!), "--defer-refresh"];
            await RunOkAsync(period is null ? args : [.. args, "--period", period]);
        }

        await RunOkAsync("registry", "refresh");
        for (var month = 1; month <= 12; month++)
        {
            var run = await RunOkAsync("match", "run", "--period", $"2025-{month:D2}", "--json");
            var counts = JsonDocument.Parse(run.Output).RootElement.GetProperty("counts");
            Assert.Equal(8, counts.EnumerateObject().Count());
        }

        var evaluated = await RunOkAsync("match", "evaluate", "--truth", Path.Combine(Files.Path, "truth.csv"), "--json");

        TestContext.Current.TestOutputHelper?.WriteLine(evaluated.Output);
        var scores = JsonDocument.Parse(evaluated.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(8, scores.Count);
        Assert.All(scores, score =>
        {
            Assert.True(score.GetProperty("expected").GetInt32() > 0, score.ToString());
            Assert.True(score.GetProperty("precision").GetDouble() >= 0.98 && score.GetProperty("recall").GetDouble() >= 0.98, score.ToString());
        });
    }

    [Fact]
    public async Task MatchRun_WithAnUnknownUnit_FailsWithABilingualMessage()
    {
        var run = await Cli.RunAsync(Database.Configuration, Token, "match", "run", "--period", "2025-03", "--unit", "99999");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Không có đơn vị mã '99999'", run.Error, StringComparison.Ordinal);
        Assert.Contains("No unit has code '99999'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchRun_WithAnUnknownKind_FailsWithABilingualMessageNamingTheKinds()
    {
        var run = await Cli.RunAsync(Database.Configuration, Token, "match", "run", "--period", "2025-03", "--kind", "headcount_gap", "--kind", "headcount");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Không có loại sai phạm 'headcount'", run.Error, StringComparison.Ordinal);
        Assert.Contains("No finding kind is called 'headcount'", run.Error, StringComparison.Ordinal);
        Assert.Contains("uninsured_worker", run.Error, StringComparison.Ordinal);
    }

    private async Task<CliRun> RunOkAsync(params string[] args)
    {
        var run = await Cli.RunAsync(Database.Configuration, Token, args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run}");
        return run;
    }
}

public sealed class SqliteMatchCliTests() : MatchCliTests(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData(19)]
    [InlineData(42)]
    [InlineData(7)]
    public Task MatchEvaluate_AfterEveryMonthIsRun_ShowsPrecisionAndRecallOfAtLeast098PerKind(int seed) =>
        AssertPrecisionAndRecallOfAtLeast098PerKindAsync(Workers, seed);
}

public sealed class PostgresMatchCliTests() : MatchCliTests(DatabaseProvider.Postgres)
{
    [Fact]
    public Task MatchEvaluate_AfterEveryMonthIsRun_ShowsPrecisionAndRecallOfAtLeast098PerKind() =>
        AssertPrecisionAndRecallOfAtLeast098PerKindAsync(Workers, 2025);
}
