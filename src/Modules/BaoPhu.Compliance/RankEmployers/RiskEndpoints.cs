using BaoPhu.Platform.Excel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.RankEmployers;

/// <summary>The inspection plan as a workbook: the ranking the page shows, with its reasons.</summary>
internal static class RiskEndpoints
{
    /// <summary>The longest plan a download holds.</summary>
    public const int MostEmployers = 1000;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/compliance/risk.xlsx", ExportAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(EmployerRisks risks, string? unit, string? sector, int? top, CancellationToken ct)
    {
        var ranking = await risks.RankAsync(new RiskFilter(unit, sector), Math.Clamp(top ?? 20, 1, MostEmployers), ct);
        return ExcelExport.File("ke-hoach-kiem-tra.xlsx", T("Kế hoạch kiểm tra", "Inspection plan"), Columns(), ranking.Rows);
    }

    public static IReadOnlyList<ExcelColumn<EmployerRisk>> Columns() =>
    [
        new(T("Thứ tự", "Rank"), r => r.Rank),
        new(T("Mã số thuế", "Tax code"), r => r.TaxCode),
        new(T("Đơn vị sử dụng lao động", "Employer"), r => r.Name),
        new(T("Xã, phường", "Commune"), r => r.Commune),
        new(T("Ngành (VSIC)", "Sector (VSIC)"), r => r.Sector is { } s ? $"{s.Letter} – {s.Name}" : null),
        new(T("Số lao động", "Workforce"), r => r.Workforce),
        new(T("Điểm rủi ro", "Risk score"), r => r.Score),
        new(T("Vì sao", "Why"), r => string.Join("; ", r.Reasons.Select(x => $"{x.Text} (+{x.Points})"))),
        new(T("Số tiền nợ (đồng)", "Arrears (VND)"), r => r.Arrears),
        new(T("Đã có hồ sơ xử lý", "Case open"), r => r.CaseId is null ? "" : T("Có", "Yes")),
    ];
}
