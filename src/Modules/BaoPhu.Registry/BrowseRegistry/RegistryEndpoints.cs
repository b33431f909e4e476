using System.Security.Claims;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Registry.BrowseRegistry;

/// <summary>The registry pages' Excel exports: each list as shown, masked the same way for the same user.</summary>
internal static class RegistryEndpoints
{
    /// <summary>An export holds every match, up to this many rows.</summary>
    private const int ExportLimit = 100_000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/registry/employers.xlsx", ExportEmployersAsync).ExcludeFromDescription();
        endpoints.MapGet("/registry/workers.xlsx", ExportWorkersAsync).ExcludeFromDescription();
        endpoints.MapGet("/registry/employers/{taxCode}/months.xlsx", ExportMonthsAsync).ExcludeFromDescription();
        endpoints.MapGet("/registry/employers/{taxCode}/employees.xlsx", ExportEmployeesAsync).ExcludeFromDescription();
        endpoints.MapGet("/registry/workers/{key}/history.xlsx", ExportWorkerAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ExportEmployersAsync(RegistryQueries queries, string? q, CancellationToken ct)
    {
        var hits = string.IsNullOrWhiteSpace(q) ? [] : (await queries.EmployersAsync(q, 1, ExportLimit, ct)).Rows;
        var columns = new List<ExcelColumn<EmployerHit>>
        {
            new(T("Mã số thuế", "Tax code"), e => e.TaxCode),
            new(T("Tên đơn vị", "Employer"), e => e.Name),
            new(T("Mã đơn vị BHXH", "SI unit code"), e => e.SiUnitCode),
            new(T("Trạng thái đăng ký kinh doanh", "Business status"), e => RegistryText.Status(e.Status)),
            new(T("Trạng thái tham gia BHXH", "SI status"), e => e.SiStatusText ?? T("Chưa đăng ký", "Not registered")),
            new(T("Xã, phường", "Commune"), e => e.Commune),
            new(T("Tháng có lao động gần nhất", "Latest month with employees"), e => RegistryText.Month(e.LastPeriod)),
        };
        return ExcelExport.File("so-dang-ky-don-vi.xlsx", T("Đơn vị", "Employers"), columns, hits);
    }

    private static async Task<IResult> ExportWorkersAsync(RegistryQueries queries, HttpContext http, string? q, CancellationToken ct)
    {
        var user = http.User;
        var hits = string.IsNullOrWhiteSpace(q) ? [] : (await queries.WorkersAsync(q, 1, ExportLimit, ct)).Rows;
        var columns = new List<ExcelColumn<WorkerHit>>
        {
            new(T("Họ và tên", "Full name"), w => w.FullName),
            new(T("Số định danh", "National ID"), w => PersonalDataAccess.Id(user, w.PersonId)),
            new(T("Ngày sinh", "Birth date"), w => Date(w.BirthDate)),
            new(T("Mã số BHXH", "SI number"), w => PersonalDataAccess.Id(user, w.SiNumber)),
            new(T("Xã, phường cư trú", "Commune of residence"), w => w.Commune),
            new(T("Tháng gần nhất", "Latest month"), w => RegistryText.Month(w.LastPeriod)),
        };
        return ExcelExport.File("so-dang-ky-nguoi-lao-dong.xlsx", T("Người lao động", "Workers"), columns, hits);
    }

    private static async Task<IResult> ExportMonthsAsync(RegistryQueries queries, string taxCode, CancellationToken ct)
    {
        if (await queries.EmployerAsync(taxCode, ct) is not { } view)
        {
            return Results.NotFound();
        }

        var columns = new List<ExcelColumn<Data.RegistryEmployerMonth>>
        {
            new(T("Tháng", "Month"), m => RegistryText.Month(m.Period)),
            new(T("Lao động kê khai thuế", "Employees declared to tax"), m => m.TaxEmployees),
            new(T("Lao động tham gia BHXH bắt buộc", "Compulsory SI participants"), m => m.SiParticipants),
            new(T("Chênh lệch lao động", "Employee gap"), m => m.TaxEmployees - m.SiParticipants),
            new(T("Tổng thu nhập chịu thuế", "Gross income"), m => m.GrossIncome),
            new(T("Tổng tiền lương đóng BHXH", "Insured wages"), m => m.InsuredWages),
            new(T("Số phải đóng", "Contributions due"), m => m.ContributionsDue),
            new(T("Số đã đóng", "Contributions paid"), m => m.ContributionsPaid),
            new(T("Số nợ", "Unpaid"), m => m.ContributionsDue - m.ContributionsPaid),
        };
        return ExcelExport.File($"don-vi-{view.Employer.TaxCode}-theo-thang.xlsx", T("Theo tháng", "By month"), columns, view.Months);
    }

    private static async Task<IResult> ExportEmployeesAsync(RegistryQueries queries, HttpContext http, string taxCode, CancellationToken ct)
    {
        if (await queries.EmployerAsync(taxCode, ct) is not { } view)
        {
            return Results.NotFound();
        }

        var user = http.User;
        var columns = new List<ExcelColumn<EmployeeLine>>
        {
            new(T("Tháng", "Month"), _ => RegistryText.Month(view.EmployeesPeriod)),
            new(T("Họ và tên", "Full name"), e => e.FullName),
            new(T("Số định danh", "National ID"), e => PersonalDataAccess.Id(user, e.PersonId)),
            new(T("Có trong danh sách thuế", "In the tax list"), e => RegistryText.YesNo(e.InTax)),
            new(T("Có tham gia BHXH", "In SI"), e => RegistryText.YesNo(e.InSi)),
            new(T("Thu nhập chịu thuế", "Gross income"), e => PersonalDataAccess.AmountCell(user, e.GrossIncome)),
            new(T("Tiền lương đóng BHXH", "Insured wage"), e => PersonalDataAccess.AmountCell(user, e.InsuredWage)),
        };
        return ExcelExport.File($"don-vi-{view.Employer.TaxCode}-lao-dong.xlsx", T("Lao động", "Employees"), columns, view.Employees);
    }

    private static async Task<IResult> ExportWorkerAsync(RegistryQueries queries, HttpContext http, string key, CancellationToken ct)
    {
        if (await queries.WorkerAsync(key, ct) is not { } view)
        {
            return Results.NotFound();
        }

        ClaimsPrincipal user = http.User;
        var columns = new List<ExcelColumn<WorkerMonth>>
        {
            new(T("Tháng", "Month"), m => RegistryText.Month(m.Period)),
            new(T("Mã số thuế đơn vị", "Employer tax code"), m => m.EmployerTaxCode),
            new(T("Đơn vị", "Employer"), m => m.EmployerName),
            new(T("Có trong danh sách thuế", "In the tax list"), m => RegistryText.YesNo(m.InTax)),
            new(T("Thu nhập chịu thuế", "Gross income"), m => PersonalDataAccess.AmountCell(user, m.GrossIncome)),
            new(T("Loại hình BHXH", "SI scheme"), m => RegistryText.Scheme(m.Scheme)),
            new(T("Tiền lương đóng BHXH", "Insured wage"), m => PersonalDataAccess.AmountCell(user, m.InsuredWage)),
            new(T("Tham gia BHTN", "Unemployment insurance"), m => m.HasUi is { } ui ? RegistryText.YesNo(ui) : ""),
            new(T("Hưởng chế độ", "Benefit"), m => RegistryText.Benefit(m.Benefit)),
        };
        return ExcelExport.File("nguoi-lao-dong-theo-thang.xlsx", T("Theo tháng", "By month"), columns, view.Months);
    }
}
