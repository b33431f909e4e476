namespace BaoPhu.Demo.Generation;

/// <summary>Five-digit commune codes in the province's own block: its two digits, then three.</summary>
internal sealed class CommuneCodes(string provinceCode)
{
    private const int LastSequence = 999;

    private int last;

    /// <summary>
    /// The next code after a gap of 0–2 unused codes: GSO numbering has such gaps (00001, 00004,
    /// 00006…), and the demo keeps them so nothing in BaoPhu comes to rely on consecutive codes.
    /// </summary>
    public string NextAfterGap(Random random) => Take(last + random.Next(1, 4));

    /// <summary>A code no old commune ever had, for a new commune that can reuse none.</summary>
    public string NextUnused() => Take(last + 1);

    private string Take(int sequence)
    {
        if (sequence > LastSequence)
        {
            throw new InvalidOperationException($"Province {provinceCode} has run out of commune codes.");
        }

        last = sequence;
        return $"{provinceCode}{sequence:D3}";
    }
}
