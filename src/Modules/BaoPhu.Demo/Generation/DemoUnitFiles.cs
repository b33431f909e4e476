using System.Text;

namespace BaoPhu.Demo.Generation;

/// <summary>
/// The demo province as the three files BaoPhu's importers read, each in the shape and under the
/// name of its real counterpart, so the demo goes through exactly the real import path.
/// </summary>
public sealed record DemoUnitFiles(string UnitListJson, string MergesJson, string ProvincesCsv)
{
    /// <summary>Units in force before the merger (provinces, districts, communes).</summary>
    public const string UnitListFileName = "dvhcvn-2025-03-01.json";

    /// <summary>New communes of 1 July 2025 and the old communes each took, full or partial.</summary>
    public const string MergesFileName = "2025-07-01-merges.json";

    /// <summary>Provinces after the merger.</summary>
    public const string ProvincesFileName = "2025-07-01-provinces.csv";

    // The real files carry no byte-order mark; the demo must not be the only input that does.
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates <paramref name="directory"/> if needed and writes the three files, replacing older ones.</summary>
    public void WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        foreach (var (fileName, content) in new[]
        {
            (UnitListFileName, UnitListJson),
            (MergesFileName, MergesJson),
            (ProvincesFileName, ProvincesCsv),
        })
        {
            File.WriteAllText(Path.Combine(directory, fileName), content, Utf8WithoutBom);
        }
    }
}
