using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Excel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.ReviewArrears;

/// <summary>The monthly arrears review as a workbook, filtered as the page is.</summary>
internal static class ArrearsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/compliance/arrears.xlsx", ExportAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        ArrearsReview review, TimeProvider clock, string? unit, string? @class, string? @long, string? month, CancellationToken ct)
    {
        var summary = await review.ReviewAsync(
            unit, Enum.TryParse<ArrearsClass>(@class, out var only) ? only : null, @long == "true", ArrearsReview.MonthOrCurrent(month, clock), ct);
        return ExcelExport.File("ra-soat-no.xlsx", T("Rà soát nợ", "Arrears review"), Columns, summary.Lines);
    }

    private static IReadOnlyList<ExcelColumn<ArrearsLine>> Columns =>
    [
        new(T("Mã số thuế", "Tax code"), l => l.TaxCode),
        new(T("Đơn vị sử dụng lao động", "Employer"), l => l.Name),
        new(T("Xã, phường", "Commune"), l => l.Commune),
        new(T("Tình trạng", "Status"), l => FindingText.EmployerStatus(l.Status)),
        new(T("Nhóm", "Group"), l => ArrearsText.Class(l.Class)),
        new(T("Nợ kéo dài", "Long arrears"), l => l.LongStanding ? T("Có", "Yes") : ""),
        new(T("Số tháng nợ", "Months owed"), l => l.MonthsOwed),
        new(T("Nợ từ tháng", "Owing since"), l => l.OldestMonth is { } o ? FindingText.Period(o) : null),
        new(T("Số tiền nợ (đồng)", "Owed (VND)"), l => l.Owed),
        new(T("Tiền lãi (đồng)", "Interest (VND)"), l => l.Interest),
        new(T("Bước xử lý gần nhất", "Latest step"), l => l.LastStep is { } s ? $"{FindingText.Step(s.Kind)} {Date(s.On)}" : l.CaseId is null ? "" : T("Đã mở hồ sơ", "Case opened")),
        new(T("Đã thu hồi (đồng)", "Recovered (VND)"), l => l.Recovered),
    ];
}
