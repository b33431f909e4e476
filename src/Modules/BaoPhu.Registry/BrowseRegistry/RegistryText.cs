using BaoPhu.Registry.Feeds;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Registry.BrowseRegistry;

/// <summary>The registry's codes in words, for pages and exports.</summary>
internal static class RegistryText
{
    public static string Status(EmployerStatus? status) => status switch
    {
        EmployerStatus.Active => T("Đang hoạt động", "Active"),
        EmployerStatus.Suspended => T("Tạm ngừng hoạt động", "Suspended"),
        EmployerStatus.Dissolved => T("Đã giải thể", "Dissolved"),
        EmployerStatus.Absconded => T("Bỏ địa chỉ kinh doanh", "Absconded"),
        _ => "",
    };

    public static string Kind(EmployerKind? kind) => kind switch
    {
        EmployerKind.Enterprise => T("Doanh nghiệp", "Enterprise"),
        EmployerKind.Cooperative => T("Hợp tác xã", "Cooperative"),
        EmployerKind.Household => T("Hộ kinh doanh", "Household business"),
        EmployerKind.Public => T("Cơ quan, đơn vị công lập", "Public body"),
        _ => "",
    };

    public static string Scheme(Scheme? scheme) => scheme switch
    {
        Feeds.Scheme.Compulsory => T("Bắt buộc", "Compulsory"),
        Feeds.Scheme.Voluntary => T("Tự nguyện", "Voluntary"),
        _ => "",
    };

    public static string Benefit(Benefit? benefit) => benefit switch
    {
        Feeds.Benefit.Pension => T("Lương hưu", "Pension"),
        Feeds.Benefit.MonthlySi => T("Trợ cấp BHXH hằng tháng", "Monthly SI allowance"),
        Feeds.Benefit.SocialPension => T("Trợ cấp hưu trí xã hội", "Social pension"),
        _ => "",
    };

    /// <summary>"2025-04" → "04/2025", as officials write a month.</summary>
    public static string Month(string? period) => period is { Length: 7 } ? $"{period[5..]}/{period[..4]}" : period ?? "";

    public static string YesNo(bool value) => value ? T("Có", "Yes") : T("Không", "No");
}
