using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace BaoPhu.Platform.Tabular;

/// <summary>
/// How much a decoded text looks like Vietnamese, to tell the legacy encodings apart: the same bytes
/// read in the wrong table give letters that no Vietnamese syllable has ("Nguyeãn", "NguyÔn"),
/// marks on consonants, two tones in one word, or symbols such as "¸" and "¶" inside names.
/// </summary>
/// <remarks>
/// Only words with a non-ASCII letter are judged, since ASCII reads the same in every candidate. A
/// syllable is checked as onset + vowel nucleus + final consonant from the lists below (the spelling
/// rules of Vietnamese, tone marks aside), with at most one tone and no mixed case inside the word.
/// </remarks>
internal static class VietnameseLook
{
    private const string Vowels = "aăâeêioôơuưy";
    private const string Consonants = "bcdđghklmnpqrstvx";
    private static readonly string[] Tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

    private static readonly FrozenSet<string> Onsets = FrozenSet.Create(StringComparer.Ordinal,
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");

    /// <summary>Final consonants; k only in minority place names (Đắk Lắk).</summary>
    private static readonly FrozenSet<string> Finals = FrozenSet.Create(StringComparer.Ordinal,
        "c", "ch", "k", "m", "n", "ng", "nh", "p", "t");

    /// <summary>Vowel groups that may take a final consonant (or none; "uơ" of thuở never does, but its tone is on the ơ).</summary>
    private static readonly FrozenSet<string> ClosableNuclei = FrozenSet.Create(StringComparer.Ordinal,
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "iê", "yê", "oa", "oă", "oe", "oo", "ôô", "uâ", "uê", "uô", "uơ", "ươ", "uy", "uyê");

    /// <summary>Vowel groups ending in a glide or in -a: never followed by a consonant, never toned on the last vowel.</summary>
    private static readonly FrozenSet<string> OpenNuclei = FrozenSet.Create(StringComparer.Ordinal,
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
        "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu");

    /// <summary>Every Vietnamese letter, either case, to its lower-case letter without tone and whether it has one.</summary>
    private static readonly FrozenDictionary<char, (char Plain, bool Toned)> Letters = BuildLetters();

    /// <summary>
    /// The judged words that are well-formed Vietnamese syllables, and the evidence: judged words plus
    /// stray symbols, control characters and lone combining marks. <paramref name="text"/> is NFC.
    /// </summary>
    public static (int Good, int Judged) Score(string text)
    {
        var good = 0;
        var judged = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                if (!Ascii.IsValid(word))
                {
                    judged++;
                    good += IsSyllable(word) ? 1 : 0;
                }

                start = -1;
            }

            if (IsStray(c))
            {
                judged++;
            }
        }

        return (good, judged);
    }

    public static bool IsSyllable(ReadOnlySpan<char> word)
    {
        if (word.Length > 8)
        {
            return false;
        }

        Span<char> plain = stackalloc char[word.Length];
        var tones = 0;
        var lastToned = false;
        var (upperAfterFirst, lower, lowerUntoned) = (false, false, false);
        for (var i = 0; i < word.Length; i++)
        {
            if (!Letters.TryGetValue(word[i], out var letter))
            {
                return false;
            }

            plain[i] = letter.Plain;
            tones += letter.Toned ? 1 : 0;
            lastToned = letter.Toned;
            upperAfterFirst |= i > 0 && char.IsUpper(word[i]);
            lower |= char.IsLower(word[i]);
            lowerUntoned |= char.IsLower(word[i]) && !letter.Toned;
        }

        // "viet", "Viet" and "VIET" are words, "vIet" is letters from the wrong table. "VIệT" is allowed:
        // the ABC fonts' table has no capitals with tones, so all-capital text holds lower-case ones.
        if (tones > 1 || (upperAfterFirst && lower && lowerUntoned))
        {
            return false;
        }

        // Onset up to three letters, final up to two; what is left must be a vowel group allowed there.
        var lookup = Onsets.GetAlternateLookup<ReadOnlySpan<char>>();
        var finals = Finals.GetAlternateLookup<ReadOnlySpan<char>>();
        var closable = ClosableNuclei.GetAlternateLookup<ReadOnlySpan<char>>();
        var open = OpenNuclei.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var onset = 0; onset <= Math.Min(3, plain.Length - 1); onset++)
        {
            if (!lookup.Contains(plain[..onset]))
            {
                continue;
            }

            for (var final = 0; final <= Math.Min(2, plain.Length - onset - 1); final++)
            {
                var nucleus = plain[onset..^final];
                // An open group's last vowel is a glide (or the -a of ia, ua, ưa) and never takes the tone.
                var fits = final == 0
                    ? closable.Contains(nucleus) || (open.Contains(nucleus) && !lastToned)
                    : finals.Contains(plain[^final..]) && closable.Contains(nucleus);
                if (fits)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A character no name or address holds: symbols, control characters, a mark with no letter. Dashes,
    /// quotes, brackets and spaces are neutral: legacy files keep Windows' typography.
    /// </summary>
    private static bool IsStray(char c)
    {
        if (c is '\t' or '\r' or '\n' or '…' or '•' || (c >= ' ' && c < 0x7F))
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static FrozenDictionary<char, (char Plain, bool Toned)> BuildLetters()
    {
        var letters = new Dictionary<char, (char, bool)>();
        foreach (var vowel in Vowels)
        {
            foreach (var tone in Tones)
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC).Single();
                letters[letter] = (vowel, tone.Length > 0);
                letters[char.ToUpperInvariant(letter)] = (vowel, tone.Length > 0);
            }
        }

        foreach (var consonant in Consonants)
        {
            letters[consonant] = (consonant, false);
            letters[char.ToUpperInvariant(consonant)] = (consonant, false);
        }

        return letters.ToFrozenDictionary();
    }
}
