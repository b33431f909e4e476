using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace BaoPhu.Bench;

/// <summary>
/// Runs one measurement in a new process of this program, so that each run starts cold (as a real
/// <c>baophu units import</c> does) and its peak RSS is its own, not the high-water mark of earlier runs.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Prefixes the one line of the child's standard output that carries its result.</summary>
    public const string ResultPrefix = "bench-result: ";

    public static async Task<T> MeasureAsync<T>(BenchOptions options, RunKind kind, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath, RedirectStandardOutput = true, UseShellExecute = false };
        // Started as "dotnet BaoPhu.Bench.dll" rather than through the apphost: the host needs the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in options.ChildArguments(kind))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new BenchFailedException($"Could not start {start.FileName}.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BenchFailedException($"The {kind} run failed (exit code {process.ExitCode}); its errors are above.");
        }

        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
            ?? throw new BenchFailedException($"The {kind} run printed no result line.");
        return JsonSerializer.Deserialize<T>(line[ResultPrefix.Length..])
            ?? throw new BenchFailedException($"The {kind} run printed an empty result.");
    }

    public static void WriteResult(TextWriter output, object measurement) =>
        output.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement, measurement.GetType()));
}

/// <summary>A run that failed; the child has printed its own error above.</summary>
internal sealed class BenchFailedException(string message) : Exception(message);
