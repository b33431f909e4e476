using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.ReviewArrears;

internal static class ArrearsText
{
    public static string Class(ArrearsClass arrearsClass) => arrearsClass switch
    {
        ArrearsClass.Closed => T("Ngừng, giải thể, bỏ trốn", "Closed or absconded"),
        ArrearsClass.Evasion => T("Trốn đóng", "Evasion"),
        _ => T("Chậm đóng", "Late payment"),
    };
}
