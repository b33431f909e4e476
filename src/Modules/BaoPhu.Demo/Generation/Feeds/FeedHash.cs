namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// A draw fixed by its arguments (SplitMix64), for choices that must come out the same every month
/// without being stored: whether an employer leaves a given worker out of SI, say.
/// </summary>
internal static class FeedHash
{
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }

    /// <summary>A number in [0, 1) fixed by the seed, two indices and what it is for.</summary>
    public static double Unit(int seed, int a, int b, Salt salt) =>
        (Mix(Mix(Mix(((ulong)(uint)seed << 8) | (byte)salt) ^ (uint)a) ^ (uint)b) >> 11) * (1.0 / (1UL << 53));
}

/// <summary>What a <see cref="FeedHash"/> draw decides, so two decisions never share a draw.</summary>
internal enum Salt : byte
{
    LeftOut,
    VoluntaryInstead,
    BelowFloor,
    LowWage,
    MissingId,
    OldIdCard,
    VoluntaryIncome,
    OldIdNumber,
    SecondJobPay,
}
