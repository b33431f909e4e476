using System.Globalization;
using System.Text;

namespace BaoPhu.Platform.Text;

/// <summary>Text rules for Vietnamese: one Unicode form, and a folded form for search.</summary>
public static class VietnameseText
{
    /// <summary>NFC, trimmed, inner white space collapsed: the form every stored name takes.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Normalize returns the same instance when the text already is NFC, as almost every value is;
        // text of Latin letters only is NFC without asking ICU, which costs more than the rest of a row.
        var normalized = IsLatinNfc(text) ? text : text.Normalize(NormalizationForm.FormC);
        if (IsTidy(normalized))
        {
            return normalized;
        }

        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = true;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lower case without diacritics ("Huyện Triệu Sơn" → "huyen trieu son"), so search ignores
    /// both. đ/Đ have no decomposition and are mapped by hand.
    /// </summary>
    public static string Fold(string text)
    {
        var clean = Clean(text);
        var folded = string.Create(clean.Length, clean, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < 0x80 ? (char)(c is >= 'A' and <= 'Z' ? c + 32 : c) : c < FoldMap.Length ? FoldMap[c] : char.ToLowerInvariant(c);
            }
        });

        // Combining marks (text that was not NFC before Clean composed what it could) fold to nothing.
        return folded.Contains(Mark, StringComparison.Ordinal) ? folded.Replace(Mark, "", StringComparison.Ordinal) : folded;
    }

    /// <summary>The character marking a removed combining mark in <see cref="FoldMap"/>.</summary>
    private const string Mark = "\uFFFF";

    /// <summary>
    /// Each character up to the Latin Extended Additional block (all Vietnamese letters) folded once:
    /// its base letter without marks, lower case; đ/Đ have no decomposition and are mapped by hand.
    /// </summary>
    private static readonly char[] FoldMap = BuildFoldMap();

    private static char[] BuildFoldMap()
    {
        var map = new char[0x1F00];
        for (var c = 0; c < map.Length; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                map[c] = ch;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                map[c] = Mark[0];
                continue;
            }

            var bases = ch.ToString().Normalize(NormalizationForm.FormD)
                .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                .ToArray();
            map[c] = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(bases.Length == 1 ? bases[0] : ch);
        }

        return map;
    }

    /// <summary>
    /// Characters of the Latin blocks (below U+0300, and Latin Extended Additional, where the
    /// precomposed Vietnamese letters are) that are NFC on their own and no combining mark: a text of
    /// these only is NFC, since in these blocks only a combining mark (U+0300 on) composes with a letter.
    /// </summary>
    private static readonly bool[] LatinNfc = BuildLatinNfc();

    private static bool[] BuildLatinNfc()
    {
        var map = new bool[0x1F00];
        for (var c = 0; c < map.Length; c++)
        {
            var ch = (char)c;
            map[c] = (c < 0x300 || c >= 0x1E00)
                && CharUnicodeInfo.GetUnicodeCategory(ch) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                && !char.IsSurrogate(ch)
                && ch.ToString().IsNormalized(NormalizationForm.FormC);
        }

        return map;
    }

    private static bool IsLatinNfc(string text)
    {
        foreach (var c in text)
        {
            if (c >= LatinNfc.Length || !LatinNfc[c])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTidy(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (lastWasSpace)
                {
                    return false;
                }

                lastWasSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                lastWasSpace = false;
            }
        }

        return true;
    }
}
