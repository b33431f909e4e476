using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Time;
using BaoPhu.Units.Contracts;
using Microsoft.AspNetCore.Mvc;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Web.Admin;

/// <summary>User creation and the administrators' Excel exports.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator)).ExcludeFromDescription();
        admin.MapPost("/users", CreateUserAsync);
        admin.MapGet("/users/export.xlsx", ExportUsersAsync);
        admin.MapGet("/audit/export.xlsx", ExportAuditAsync);
    }

    private static async Task<IResult> CreateUserAsync(
        [FromForm] string userName, [FromForm] string fullName, [FromForm] string role, [FromForm] string agency,
        [FromForm] string? unitCode, [FromForm] string password,
        UserAdministration administration, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            Guid? unitId = null;
            if (!string.IsNullOrWhiteSpace(unitCode))
            {
                unitId = (await units.FindAsync(unitCode.Trim(), clock.Today(), ct)
                    ?? throw new ArgumentException($"Không có đơn vị mã {unitCode} đang có hiệu lực / no unit {unitCode} is in force today.")).Id;
            }

            await administration.CreateAsync(new NewUser(userName.Trim(), fullName.Trim(), role, agency, unitId), password);
            return Results.LocalRedirect($"/admin/users?saved={Uri.EscapeDataString(userName.Trim())}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return Results.LocalRedirect($"/admin/users?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    private static async Task<IResult> ExportUsersAsync(UserDirectory users, IUnitDirectory units, CancellationToken ct)
    {
        var rows = await users.ListAsync(ct);
        var unitNames = await units.GetAsync([.. rows.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value)], ct);
        return ExcelExport.File("nguoi-dung.xlsx", T("Người dùng", "Users"),
        [
            new(T("Tên đăng nhập", "User name"), r => r.UserName),
            new(T("Họ tên", "Full name"), r => r.FullName),
            new(T("Vai trò", "Role"), r => string.Join(", ", r.Roles.Select(AdminText.Role))),
            new(T("Cơ quan", "Agency"), r => AdminText.Agency(r.Agency)),
            new(T("Phạm vi", "Scope"), r => r.UnitId is { } id && unitNames.TryGetValue(id, out var u) ? $"{u.Name} ({u.Code})" : T("Toàn quốc", "Whole country")),
            new(T("Trạng thái", "Status"), r => r.LockedOut ? T("Tạm khóa", "Locked") : T("Hoạt động", "Active")),
        ], rows);
    }

    private static async Task<IResult> ExportAuditAsync(AuditReader reader, string? kind, string? actor, string? from, string? to, CancellationToken ct)
    {
        var rows = await reader.ListAsync(AdminText.ParseAuditQuery(kind, actor, from, to) with { Limit = 100_000 }, ct);
        return ExcelExport.File("nhat-ky.xlsx", T("Nhật ký", "Audit log"),
        [
            new(T("Thời điểm (UTC)", "Time (UTC)"), e => e.At),
            new(T("Người thực hiện", "By"), e => e.ActorName),
            new(T("Loại", "Kind"), e => AdminText.AuditKind(e.Kind)),
            new(T("Đối tượng", "Object"), e => e.Entity),
            new(T("Mã đối tượng", "Object id"), e => e.EntityId),
            new(T("Chi tiết", "Detail"), e => e.Detail),
        ], rows);
    }
}
