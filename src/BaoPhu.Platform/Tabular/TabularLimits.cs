namespace BaoPhu.Platform.Tabular;

/// <summary>
/// What a tabular file may cost before it is read. An .xlsx is a zip: a few hundred kilobytes can
/// declare gigabytes of content or hundreds of thousands of parts, so both are checked from the zip
/// directory before anything is unpacked.
/// </summary>
/// <param name="MaxFileBytes">The file's size on disk; a larger file is refused before it is opened.</param>
/// <param name="MaxUnpackedBytes">The sum of the uncompressed sizes an .xlsx declares for its parts.</param>
/// <param name="MaxZipEntries">The number of parts an .xlsx may hold.</param>
public sealed record TabularLimits(
    long MaxFileBytes = 200L * 1024 * 1024,
    long MaxUnpackedBytes = 2L * 1024 * 1024 * 1024,
    int MaxZipEntries = 10_000)
{
    public static TabularLimits Default { get; } = new();
}
