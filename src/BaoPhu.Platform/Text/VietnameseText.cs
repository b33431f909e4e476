using System.Globalization;
using System.Text;

namespace BaoPhu.Platform.Text;

/// <summary>Text rules for Vietnamese: one Unicode form, and a folded form for search.</summary>
public static class VietnameseText
{
    /// <summary>NFC, trimmed, inner white space collapsed: the form every stored name takes.</summary>
    public static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC).Trim();
        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
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

        return builder.ToString();
    }

    /// <summary>
    /// Lower case without diacritics ("Huyện Triệu Sơn" → "huyen trieu son"), so search ignores
    /// both. đ/Đ have no decomposition and are mapped by hand.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
