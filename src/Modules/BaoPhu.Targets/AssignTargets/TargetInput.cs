using System.Globalization;
using System.Text.RegularExpressions;
using BaoPhu.Targets.Contracts;

namespace BaoPhu.Targets.AssignTargets;

/// <summary>Numbers as officials type them into the targets page.</summary>
internal static partial class TargetInput
{
    /// <summary>
    /// A count is whole people, so "15.530", "15,530" and "15 530" all mean fifteen thousand five
    /// hundred thirty; a rate is a percent with either decimal mark ("97,5" or "97.5").
    /// </summary>
    public static decimal ParseValue(string indicatorCode, string text)
    {
        var indicator = IndicatorCatalog.Standard.Find(indicatorCode)
            ?? throw new TargetException($"Mã chỉ tiêu không có trong danh mục: {indicatorCode} / Unknown indicator code: {indicatorCode}");
        var trimmed = text.Trim();
        if (indicator.IsPercent)
        {
            if (decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                return percent;
            }

            throw new TargetException(
                $"{indicator.NameVi}: '{trimmed}' không phải là tỷ lệ phần trăm (ví dụ 97,5) / {indicator.NameEn}: '{trimmed}' is not a percentage (e.g. 97.5)");
        }

        if (WholeNumber().IsMatch(trimmed))
        {
            return decimal.Parse(Separators().Replace(trimmed, ""), CultureInfo.InvariantCulture);
        }

        throw new TargetException(
            $"{indicator.NameVi}: '{trimmed}' không phải là số nguyên (ví dụ 15.530) / {indicator.NameEn}: '{trimmed}' is not a whole number (e.g. 15,530)");
    }

    [GeneratedRegex(@"^(\d+|\d{1,3}([.,\s]\d{3})+)$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"[.,\s]")]
    private static partial Regex Separators();
}
