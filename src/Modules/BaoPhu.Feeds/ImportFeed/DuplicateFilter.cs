using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace BaoPhu.Feeds.ImportFeed;

/// <summary>
/// Finds rows whose key an earlier row of the same file already had, in memory that does not grow
/// with the file: a Bloom filter answers "surely new" for almost every row; the few "maybe seen"
/// rows are held back and settled exactly by a second pass over the file (<see cref="FeedImporter"/>).
/// </summary>
/// <remarks>
/// Keys are reduced to 128-bit xxHash values; two different keys sharing one is so unlikely
/// (about 10⁻²⁴ for ten million rows) that equal hashes are taken as equal keys. The filter has at
/// most 2²⁹ bits (64 MB): with seven probes, ten million keys give about six false "maybe seen",
/// each costing only a look in the second pass.
/// </remarks>
internal sealed class DuplicateFilter
{
    private const int Probes = 7;
    private const int MinBitsLog = 20;
    private const int MaxBitsLog = 29;

    private readonly ulong[] words;
    private readonly ulong mask;

    /// <param name="fileBytes">The file's size: about eight bits per byte of file, so small files get a small filter; from 32 MB on, the largest.</param>
    public DuplicateFilter(long fileBytes)
    {
        var bitsLog = Math.Clamp(64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, fileBytes)) + 3, MinBitsLog, MaxBitsLog);
        words = new ulong[(1L << bitsLog) / 64];
        mask = (1UL << bitsLog) - 1;
    }

    /// <summary>The hash of a key made of several values (the separator keeps "1","23" apart from "12","3").</summary>
    public static UInt128 KeyOf(ReadOnlySpan<string?> parts)
    {
        var hash = new XxHash128();
        Span<char> separator = ['\u001F'];
        foreach (var part in parts)
        {
            hash.Append(MemoryMarshal.AsBytes(part.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(separator));
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Adds the key; true when it may have been added before, false when it surely was not.</summary>
    public bool AddAndCheck(UInt128 key)
    {
        var h1 = (ulong)key;
        var h2 = (ulong)(key >> 64) | 1;
        var seen = true;
        for (var i = 0UL; i < Probes; i++)
        {
            var bit = (h1 + (i * h2)) & mask;
            ref var word = ref words[bit >> 6];
            var flag = 1UL << (int)(bit & 63);
            seen &= (word & flag) != 0;
            word |= flag;
        }

        return seen;
    }
}
