using BaoPhu.Platform.Excel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaoPhu.Compliance.ExportLists;

/// <summary>The lists per commune and sector, and an employer's evidence sheet, as workbooks.</summary>
internal static class ListEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/compliance/lists.xlsx", ListAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet("/compliance/employers/{taxCode}.xlsx", EvidenceAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(ComplianceLists lists, HttpContext http, string? unit, string? sector, CancellationToken ct)
    {
        var name = string.Join('-', new[] { "danh-sach-doi-chieu", unit?.Trim(), sector?.Trim() }.Where(p => !string.IsNullOrEmpty(p)));
        return ExcelExport.Workbook($"{name}.xlsx", await lists.WorkbookAsync(unit, sector, http.User, ct));
    }

    private static async Task<IResult> EvidenceAsync(ComplianceLists lists, HttpContext http, string taxCode, CancellationToken ct) =>
        await lists.EvidenceAsync(taxCode, http.User, ct) is { } sheets
            ? ExcelExport.Workbook($"bang-chung-{taxCode}.xlsx", sheets)
            : Results.NotFound();
}
