using System.Security.Claims;
using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Tabular;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.ReviewFindings;

/// <summary>The review forms of the compliance pages and the findings' Excel export.</summary>
internal static class ComplianceEndpoints
{
    /// <summary>Who reviews findings: the agencies that enforce, and the local governments whose areas they are in.</summary>
    public static readonly string[] Reviewers = [Roles.Administrator, Roles.Coordinator, Roles.InsuranceAgency, Roles.Inspector, Roles.LocalGovernment];

    /// <summary>Who opens cases and records their steps.</summary>
    public static readonly string[] CaseHandlers = [Roles.Administrator, Roles.Coordinator, Roles.InsuranceAgency, Roles.Inspector];

    private const int ExportLimit = 100_000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/compliance/findings.xlsx", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapPost("/compliance/findings/{id:long}/move", MoveAsync)
            .RequireAuthorization(p => p.RequireRole(Reviewers)).ExcludeFromDescription();
        endpoints.MapPost("/compliance/findings/{id:long}/assign", AssignAsync)
            .RequireAuthorization(p => p.RequireRole(Reviewers)).ExcludeFromDescription();
        endpoints.MapPost("/compliance/findings/{id:long}/case", OpenCaseAsync)
            .RequireAuthorization(p => p.RequireRole(CaseHandlers)).ExcludeFromDescription();
        endpoints.MapPost("/compliance/cases/{id:guid}/steps", RecordAsync)
            .RequireAuthorization(p => p.RequireRole(CaseHandlers)).ExcludeFromDescription();
    }

    private static async Task<IResult> MoveAsync(long id, [FromForm] FindingState to, [FromForm] string? reason, FindingReview review, CancellationToken ct)
    {
        try
        {
            await review.MoveAsync(id, to, reason, ct);
            return Results.LocalRedirect($"/compliance/findings/{id}");
        }
        catch (FindingException e)
        {
            return Results.LocalRedirect($"/compliance/findings/{id}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    private static async Task<IResult> AssignAsync(long id, [FromForm] string? agency, [FromForm] string? unit, FindingReview review, CancellationToken ct)
    {
        try
        {
            await review.AssignAsync(id, agency ?? "", unit, ct);
            return Results.LocalRedirect($"/compliance/findings/{id}");
        }
        catch (FindingException e)
        {
            return Results.LocalRedirect($"/compliance/findings/{id}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    private static async Task<IResult> OpenCaseAsync(long id, [FromForm] string? confirm, FindingReview review, CancellationToken ct)
    {
        try
        {
            return Results.LocalRedirect($"/compliance/cases/{await review.OpenCaseAsync(id, ct)}");
        }
        catch (FindingException e)
        {
            return Results.LocalRedirect($"/compliance/findings/{id}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    private static async Task<IResult> RecordAsync(
        Guid id, [FromForm] CaseStepKind kind, [FromForm] string? on, [FromForm] string? amount, [FromForm] string? document, [FromForm] string? note,
        FindingReview review, CancellationToken ct)
    {
        try
        {
            await review.RecordAsync(id, kind, ParseDate(on), ParseAmount(amount), document, note, ct);
            return Results.LocalRedirect($"/compliance/cases/{id}?saved=true");
        }
        catch (FindingException e)
        {
            return Results.LocalRedirect($"/compliance/cases/{id}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    private static async Task<IResult> ExportAsync(
        FindingQueries queries, HttpContext http, string? period, string? kind, string? state, string? tax, string? agency, CancellationToken ct)
    {
        var user = http.User;
        var page = await queries.FindingsAsync(
            new FindingFilter(period, kind, Enum.TryParse<FindingState>(state, out var asked) ? asked : null, tax, Agency: agency), 1, ExportLimit, ct);
        return ExcelExport.File("phat-hien-doi-chieu.xlsx", T("Phát hiện", "Findings"), Columns(user), page.Rows);
    }

    /// <summary>A finding as a line of a workbook, with what this user may see of the worker.</summary>
    public static IReadOnlyList<ExcelColumn<FindingRow>> Columns(ClaimsPrincipal user) =>
    [
        new(T("Kỳ", "Period"), r => FindingText.Period(r.Finding.Period)),
        new(T("Loại phát hiện", "Finding"), r => FindingText.Kind(r.Finding.Kind)),
        new(T("Mã số thuế", "Tax code"), r => r.Finding.EmployerTaxCode),
        new(T("Đơn vị sử dụng lao động", "Employer"), r => r.Employer),
        new(T("Số định danh người lao động", "Worker's national ID"), r => PersonalDataAccess.Id(user, r.Finding.PersonId)),
        new(T("Khớp theo họ tên và ngày sinh", "Matched by name and birth date"), r => r.Finding.WeakMatch ? T("Có", "Yes") : ""),
        new(T("Số tiền (đồng)", "Amount (VND)"), r => FindingText.AmountCell(user, r.Finding)),
        new(T("Tiền lãi chậm đóng (đồng)", "Interest (VND)"), r => r.Finding.Interest),
        new(T("Xã, phường", "Commune"), r => r.Commune),
        new(T("Trạng thái", "State"), r => FindingText.State(r.Finding.State)),
        new(T("Lý do", "Reason"), r => r.Finding.StateReason),
        new(T("Giao cơ quan", "Assigned to agency"), r => FindingText.Agency(r.Finding.AssignedAgency)),
        new(T("Giao đơn vị", "Assigned to unit"), r => r.AssignedUnit),
        new(T("Bằng chứng", "Evidence"), r => $"{r.Finding.EvidenceFeed}, {T("dòng", "row")} {r.Finding.EvidenceRow}"),
        new(T("Mã lần nhận dữ liệu", "Import"), r => r.Finding.EvidenceIntake?.ToString()),
    ];

    private static DateOnly ParseDate(string? text) =>
        TabularValues.TryDate(text, out var date)
            ? date
            : throw new FindingException($"Ngày '{text}' phải có dạng dd/MM/yyyy / The date '{text}' must be dd/MM/yyyy");

    /// <summary>"15.000.000", "15 000 000" or "15000000" VND; empty for none.</summary>
    private static long? ParseAmount(string? text)
    {
        var digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or ',')).ToArray());
        return digits.Length == 0
            ? null
            : long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                ? amount
                : throw new FindingException($"Số tiền '{text}' không hợp lệ / The amount '{text}' is not a number");
    }
}
