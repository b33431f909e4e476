using System.Text;

namespace BaoPhu.Demo.Generation;

/// <summary>
/// The demo province's targets and monthly actuals as the canonical <c>targets</c> and
/// <c>coverage-actuals</c> feeds, so they go in through the same importer as an agency's files.
/// </summary>
public sealed record DemoCoverageFiles(string TargetsCsv, string ActualsCsv)
{
    public const string TargetsFileName = "targets.csv";

    public const string ActualsFileName = "coverage-actuals.csv";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates <paramref name="directory"/> if needed and writes both files, replacing older ones.</summary>
    public void WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, TargetsFileName), TargetsCsv, Utf8WithoutBom);
        File.WriteAllText(Path.Combine(directory, ActualsFileName), ActualsCsv, Utf8WithoutBom);
    }
}
