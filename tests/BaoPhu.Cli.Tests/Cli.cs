using Microsoft.Extensions.Configuration;

namespace BaoPhu.Cli.Tests;

/// <summary>What one <c>baophu</c> run left: its exit code and what it wrote to each stream.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}

/// <summary>Runs the command line in-process, as a user would run it, against a given configuration.</summary>
public static class Cli
{
    public static async Task<CliRun> RunAsync(IConfiguration configuration, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, configuration, cancellationToken);
        return new CliRun(exitCode, output.ToString().Trim(), error.ToString().Trim());
    }
}

/// <summary>
/// <c>users add</c> reads its password from a process-wide environment variable. Test classes run in
/// parallel, so every test that sets it goes through this one gate and puts the old value back.
/// </summary>
public static class PasswordVariable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<T> WithAsync<T>(string? value, Func<Task<T>> work)
    {
        await Gate.WaitAsync();
        var previous = Environment.GetEnvironmentVariable(UsersCommands.PasswordVariable);
        try
        {
            Environment.SetEnvironmentVariable(UsersCommands.PasswordVariable, value);
            return await work();
        }
        finally
        {
            Environment.SetEnvironmentVariable(UsersCommands.PasswordVariable, previous);
            Gate.Release();
        }
    }
}
