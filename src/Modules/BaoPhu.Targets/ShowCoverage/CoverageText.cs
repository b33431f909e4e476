using System.Globalization;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Targets.ShowCoverage;

/// <summary>How coverage numbers and states read on pages and in exports, in the current language.</summary>
internal static class CoverageText
{
    /// <summary>Counts to whole people (re-attribution can split them), rates to one decimal; never rounded before a rate is computed.</summary>
    public static decimal? Round(decimal? value, Indicator indicator) => Round(value, indicator.IsPercent ? 1 : 0);

    public static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>15.530 or 97,7% in Vietnamese; 15,530 or 97.7% in English.</summary>
    public static string Format(decimal? value, Indicator indicator)
    {
        if (Round(value, indicator) is not { } v)
        {
            return "—";
        }

        return indicator.IsPercent
            ? v.ToString("N1", CultureInfo.CurrentCulture) + "%"
            : v.ToString("N0", CultureInfo.CurrentCulture);
    }

    public static string Percent(decimal? value) =>
        Round(value, 1) is { } v ? v.ToString("N1", CultureInfo.CurrentCulture) + "%" : "—";

    public static string Status(string? status) => status switch
    {
        ProgressStatus.OnTrack => T("Đúng tiến độ", "On track"),
        ProgressStatus.AtRisk => T("Có nguy cơ chậm", "At risk"),
        ProgressStatus.Lagging => T("Chậm tiến độ", "Lagging"),
        ProgressStatus.NoActual => T("Chưa có số thực hiện", "No actual yet"),
        ProgressStatus.NoTarget => T("Chưa giao chỉ tiêu", "No target"),
        _ => "",
    };

    public static string State(TargetState? state) => state switch
    {
        TargetState.Draft => T("Dự thảo, chờ duyệt", "Draft, awaiting approval"),
        TargetState.Approved => T("Đã duyệt", "Approved"),
        TargetState.Superseded => T("Đã thay thế", "Superseded"),
        _ => "",
    };

    public static string Origin(TargetOrigin origin) => origin switch
    {
        TargetOrigin.Assigned => T("Cấp trên giao", "Assigned"),
        TargetOrigin.Proposed => T("Đơn vị đề xuất", "Proposed by the unit"),
        _ => T("Nhập từ tệp", "Imported"),
    };
}
