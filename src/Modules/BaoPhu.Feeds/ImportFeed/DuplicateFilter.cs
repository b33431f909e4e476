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
/// (about 10⁻²⁴ for ten million rows) that equal hashes are taken as equal keys. The filter has a
/// quarter to a half bit per byte of file, 15 to 35 bits per row of the feeds' widths, and at most
/// 2²⁸ bits (32 MB): a false "maybe seen" costs only a look in the second pass, while a larger
/// filter costs a memory miss and a fresh page on most rows. It is blocked: a key's seven probes all
/// fall in one 512-bit block, one cache line, so a row costs one memory miss instead of seven.
/// </remarks>
internal sealed class DuplicateFilter
{
    private const int Probes = 7;
    private const int MinBitsLog = 20;
    private const int MaxBitsLog = 28;
    private const int BlockBitsLog = 9;
    private const int BlockBits = 1 << BlockBitsLog;
    private const int BlockWords = BlockBits / 64;

    private readonly ulong[] words;
    private readonly ulong mask;

    /// <param name="fileBytes">The file's size, which bounds its rows: small files get a small filter; from 512 MB on, the largest.</param>
    public DuplicateFilter(long fileBytes)
    {
        var bitsLog = Math.Clamp(64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, fileBytes)) - 2, MinBitsLog, MaxBitsLog);
        words = new ulong[(1L << bitsLog) / 64];
        mask = (1UL << bitsLog) - 1;
    }

    /// <summary>The hash of a key made of several values (the separator keeps "1","23" apart from "12","3").</summary>
    public static UInt128 KeyOf(ReadOnlySpan<string?> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += (part?.Length ?? 0) + 1;
        }

        // One buffer hashed at once: a streaming hasher per row would be an allocation per row.
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        foreach (var part in parts)
        {
            part.AsSpan().CopyTo(key[at..]);
            at += part?.Length ?? 0;
            key[at++] = '\u001F';
        }

        return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key));
    }

    /// <summary>Adds the key; true when it may have been added before, false when it surely was not.</summary>
    public bool AddAndCheck(UInt128 key)
    {
        var h1 = (ulong)key;
        var h2 = (ulong)(key >> 64);
        // The block (8 words) from the high bits of h1; the bits within it from h2.
        var block = (int)((h1 & mask) >> BlockBitsLog) * BlockWords;
        var seen = true;
        for (var i = 0; i < Probes; i++)
        {
            var bit = (int)((h2 >> (i * BlockBitsLog)) & (BlockBits - 1));
            ref var word = ref words[block + (bit >> 6)];
            var flag = 1UL << (bit & 63);
            seen &= (word & flag) != 0;
            word |= flag;
        }

        return seen;
    }
}
