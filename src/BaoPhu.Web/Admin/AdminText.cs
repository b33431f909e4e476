using System.Globalization;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Security;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Web.Admin;

/// <summary>Names of roles, agencies and audit kinds in the reader's language.</summary>
internal static class AdminText
{
    public static readonly IReadOnlyList<string> AuditKindCodes =
        [AuditKinds.SignIn, AuditKinds.SignInFailed, AuditKinds.LockedOut, AuditKinds.SignOut, AuditKinds.Import, AuditKinds.Added, AuditKinds.Modified, AuditKinds.Deleted];

    public static string Role(string code) =>
        Roles.All.FirstOrDefault(r => r.Code == code) is { } role ? T(role.NameVi, role.NameEn) : code;

    public static string Agency(string code) =>
        Agencies.All.FirstOrDefault(a => a.Code == code) is { } agency ? T(agency.NameVi, agency.NameEn) : code;

    public static string AuditKind(string kind) => kind switch
    {
        AuditKinds.SignIn => T("Đăng nhập", "Sign-in"),
        AuditKinds.SignInFailed => T("Đăng nhập sai", "Failed sign-in"),
        AuditKinds.LockedOut => T("Tạm khóa", "Locked out"),
        AuditKinds.SignOut => T("Đăng xuất", "Sign-out"),
        AuditKinds.Import => T("Nhập dữ liệu", "Import"),
        AuditKinds.Added => T("Thêm", "Added"),
        AuditKinds.Modified => T("Sửa", "Changed"),
        AuditKinds.Deleted => T("Xóa", "Deleted"),
        _ => kind,
    };

    public static AuditQuery ParseAuditQuery(string? kind, string? actor, string? from, string? to) =>
        new(kind, actor, ParseDate(from), ParseDate(to));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
