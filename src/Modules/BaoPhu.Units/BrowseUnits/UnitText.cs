using BaoPhu.Units.Domain;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Units.BrowseUnits;

/// <summary>How units are named in pages and exports, in the reader's language.</summary>
public static class UnitText
{
    public static string Level(UnitLevel level) => level switch
    {
        UnitLevel.Province => T("Tỉnh", "Province"),
        UnitLevel.District => T("Huyện", "District"),
        UnitLevel.Commune => T("Xã", "Commune"),
        _ => T("Thôn", "Village"),
    };

    public static string Validity(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => T("đang có hiệu lực", "in force"),
        (_, null) => T($"từ {Date(from)}", $"from {Date(from)}"),
        (null, _) => T($"đến {Date(to!.Value.AddDays(-1))}", $"until {Date(to!.Value.AddDays(-1))}"),
        _ => $"{Date(from)} – {Date(to!.Value.AddDays(-1))}",
    };

    public static string Link(LinkKind kind) => kind == LinkKind.Full ? T("toàn bộ", "whole") : T("một phần", "part");
}
