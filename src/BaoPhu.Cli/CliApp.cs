using System.CommandLine;
using System.Globalization;
using BaoPhu.Database;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Tabular;
using BaoPhu.Targets.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

/// <summary>
/// The <c>baophu</c> command line. Every command that touches data opens the configured database and
/// brings its schema up to date first, so a fresh database needs no separate step.
/// </summary>
public static class CliApp
{
    public static IConfiguration DefaultConfiguration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var context = new CliContext(configuration, output, error);
        var root = new RootCommand("BaoPhu — quản lý bao phủ bảo hiểm xã hội / social-insurance coverage")
        {
            MigrateCommand.Create(context),
            UnitsCommands.Create(context),
            UsersCommands.Create(context),
            CoverageCommands.Targets(context),
            CoverageCommands.Actuals(context),
            CoverageCommands.Coverage(context),
            ReportCommands.Create(context),
            FeedCommands.Import(context),
            FeedCommands.Registry(context),
            MatchCommands.Create(context),
            DemoCommands.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Errors go to standard error only, so a script reading --json output never gets help text instead.
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync($"Xem / see: {string.Join(' ', CommandPath(parsed))} --help");
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    /// <summary>"baophu units count": the words that lead to the command that failed to parse.</summary>
    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is System.CommandLine.Parsing.CommandResult command)
            {
                names.Insert(0, command.Command is RootCommand ? "baophu" : command.Command.Name);
            }
        }

        return names;
    }
}

/// <summary>What every command needs: configuration, the two writers, and a way to open services.</summary>
internal sealed class CliContext(IConfiguration configuration, TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Runs the work in a service scope over a migrated database; known failures become exit code 1.</summary>
    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            var services = new ServiceCollection().AddBaoPhu(configuration).BuildServiceProvider();
            await using (services.ConfigureAwait(false))
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>();
                await DatabaseRegistration.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseOptions>(), cancellationToken);
                return await work(scope.ServiceProvider, cancellationToken);
            }
        }
        catch (TabularFileException e)
        {
            foreach (var problem in e.Problems)
            {
                await Error.WriteLineAsync(Describe(problem));
            }

            await Error.WriteLineAsync("Tệp không được nhập, dữ liệu không thay đổi / the file was not imported; nothing was changed.");
            return 1;
        }
        catch (Exception e) when (e is CliException or Compliance.Contracts.ComplianceException or Units.Contracts.UnitImportException or TargetException or InvalidOperationException or ArgumentException)
        {
            await Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>targets.csv:5: column value, value "-5": message</c>: the FILE:LINE form editors and CI logs
    /// turn into a link to the place, one problem a line.
    /// </summary>
    internal static string Describe(TabularProblem problem)
    {
        const int shownValueLength = 80;
        var where = problem.Row is { } row ? string.Create(CultureInfo.InvariantCulture, $"{problem.File}:{row}") : problem.File;
        var parts = new List<string>(2);
        if (problem.Column is not null)
        {
            parts.Add($"column {problem.Column}");
        }

        if (problem.Value is not null)
        {
            // A value with a line break would split the problem over lines a script reads one by one.
            var value = problem.Value.ReplaceLineEndings(" ");
            parts.Add($"value \"{(value.Length > shownValueLength ? string.Concat(value.AsSpan(0, shownValueLength), "…") : value)}\"");
        }

        return parts.Count > 0 ? $"{where}: {string.Join(", ", parts)}: {problem.Message}" : $"{where}: {problem.Message}";
    }
}

/// <summary>A user error the command explains itself; printed without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
