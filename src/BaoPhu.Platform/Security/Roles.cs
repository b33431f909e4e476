namespace BaoPhu.Platform.Security;

/// <summary>The users of DOMAIN.md, as roles. Names are stable codes; labels are for pages.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Coordinator = "coordinator";
    public const string InsuranceAgency = "insurance-agency";
    public const string DataSharingAgency = "data-sharing-agency";
    public const string LocalGovernment = "local-government";
    public const string Inspector = "inspector";
    public const string Leader = "leader";

    public static readonly IReadOnlyList<RoleInfo> All =
    [
        new(Administrator, "Quản trị hệ thống", "System administrator"),
        new(Coordinator, "Cơ quan điều phối (Sở Nội vụ / Phòng LĐTBXH)", "Coordinator (labour / home affairs)"),
        new(InsuranceAgency, "Cơ quan BHXH", "Social security agency"),
        new(DataSharingAgency, "Cơ quan chia sẻ dữ liệu (Thuế, KH&ĐT, Thống kê, …)", "Data-sharing agency (tax, registry, statistics, …)"),
        new(LocalGovernment, "Chính quyền địa phương (UBND huyện / xã)", "Local government (district / commune)"),
        new(Inspector, "Thanh tra, Công an, Công đoàn, Tòa án", "Inspectors, police, trade union, courts"),
        new(Leader, "Lãnh đạo (UBND, HĐND, Tỉnh ủy)", "Leaders (people's committee and council)"),
    ];

    public static bool IsKnown(string role) => All.Any(r => r.Code == role);
}

public sealed record RoleInfo(string Code, string NameVi, string NameEn);
