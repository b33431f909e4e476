using System.Diagnostics;
using System.Text.Json;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;

namespace BaoPhu.Cli.Tests;

/// <summary>
/// The importer killed without warning (SIGKILL, as <c>kill -9</c> or a power cut) in the middle of a
/// file: on restart nothing of that file is there, and the same file then imports whole.
/// </summary>
public abstract class ImportKillTests(DatabaseProvider provider) : FreshDatabaseTest(provider)
{
    private const int Rows = 300_000;

    [Fact]
    public async Task Import_WhenKilledMidFile_LeavesNothingAndImportsWholeOnRestart()
    {
        var file = Files.Write("tax-employees-2025-05.csv", FeedFiles.TaxEmployees("2025-05", Rows));

        var seen = await KillMidImportAsync(file);
        var afterKill = await StatsAsync();
        var rerun = await Cli.RunAsync(Database.Configuration, Token, "import", "tax-employees", file);
        var afterRerun = await StatsAsync();

        Assert.InRange(seen, 1, Rows - 1);
        Assert.Equal((0L, 0), afterKill);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(((long)Rows, 1), afterRerun);
    }

    /// <summary>Starts <c>baophu import</c> as its own process and SIGKILLs it once it reports rows read; returns how many.</summary>
    private async Task<int> KillMidImportAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "baophu.dll"), "import", "tax-employees", file })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = Database.Provider.ToString();
        start.Environment["ConnectionStrings__BaoPhu"] = Database.ConnectionString;
        using var importer = Process.Start(start)!;
        try
        {
            while (await importer.StandardError.ReadLineAsync(Token) is { } line)
            {
                // "  reading: 49,152 rows (16%)": the rows are being written inside the import's transaction.
                if (line.TrimStart().StartsWith("reading:", StringComparison.Ordinal))
                {
                    var rows = int.Parse(line.Split(':')[1].Trim().Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
                    importer.Kill(entireProcessTree: true);
                    await importer.WaitForExitAsync(Token);
                    return rows;
                }
            }

            await importer.WaitForExitAsync(Token);
            throw new InvalidOperationException($"The import ended (exit {importer.ExitCode}) before reporting progress: {await importer.StandardOutput.ReadToEndAsync(Token)}");
        }
        finally
        {
            if (!importer.HasExited)
            {
                importer.Kill(entireProcessTree: true);
            }
        }
    }

    private async Task<(long Rows, int Files)> StatsAsync()
    {
        var run = await Cli.RunAsync(Database.Configuration, Token, "registry", "stats", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var feed = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Single(f => f.GetProperty("feed").GetString() == "tax-employees");
        return (feed.GetProperty("rows").GetInt64(), feed.GetProperty("files").GetInt32());
    }
}

public sealed class SqliteImportKillTests() : ImportKillTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportKillTests() : ImportKillTests(DatabaseProvider.Postgres);
