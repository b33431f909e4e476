namespace BaoPhu.Platform.Security;

/// <summary>The agencies the plans name. A user belongs to one.</summary>
public static class Agencies
{
    public const string LabourDepartment = "labour";
    public const string SocialSecurity = "social-security";
    public const string Tax = "tax";
    public const string Planning = "planning";
    public const string Statistics = "statistics";
    public const string IndustrialZones = "industrial-zones";
    public const string HomeAffairs = "home-affairs";
    public const string Finance = "finance";
    public const string PeoplesCommittee = "peoples-committee";
    public const string PeoplesCouncil = "peoples-council";
    public const string Inspectorate = "inspectorate";
    public const string Police = "police";
    public const string TradeUnion = "trade-union";
    public const string Court = "court";

    public static readonly IReadOnlyList<AgencyInfo> All =
    [
        new(LabourDepartment, "Sở Nội vụ / Sở LĐTBXH, Phòng LĐTBXH", "Labour / home affairs department"),
        new(SocialSecurity, "Bảo hiểm xã hội", "Social security agency"),
        new(Tax, "Thuế", "Tax department"),
        new(Planning, "Sở Kế hoạch và Đầu tư / Tài chính – Kế hoạch", "Planning and investment"),
        new(Statistics, "Thống kê", "Statistics office"),
        new(IndustrialZones, "Ban quản lý KCN/KKT", "Industrial zones board"),
        new(HomeAffairs, "Phòng Nội vụ", "Home affairs office"),
        new(Finance, "Sở Tài chính", "Finance department"),
        new(PeoplesCommittee, "Ủy ban nhân dân", "People's Committee"),
        new(PeoplesCouncil, "Hội đồng nhân dân", "People's Council"),
        new(Inspectorate, "Thanh tra", "Inspectorate"),
        new(Police, "Công an", "Police"),
        new(TradeUnion, "Liên đoàn Lao động", "Trade union"),
        new(Court, "Tòa án", "Court"),
    ];

    public static bool IsKnown(string agency) => All.Any(a => a.Code == agency);
}

public sealed record AgencyInfo(string Code, string NameVi, string NameEn);
