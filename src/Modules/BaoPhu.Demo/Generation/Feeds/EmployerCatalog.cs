namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>The four kinds of employer the business registry names.</summary>
internal enum EmployerKind : byte
{
    Enterprise,
    Cooperative,
    Household,
    Public,
}

/// <summary>An industry: its VSIC 2018 code, the word a firm's name uses for it, and how often it occurs.</summary>
internal sealed record Industry(string Vsic, string NameWord, int Weight);

/// <summary>
/// What kinds of firm a province has and what they are called: VSIC 2018 codes weighted roughly as
/// in a northern-central province (garments, construction and trade lead), and names in the forms
/// the registers use.
/// </summary>
internal static class EmployerCatalog
{
    public static readonly Industry[] Enterprises =
    [
        new("1410", "May mặc", 8), new("1520", "Giày da", 3), new("2610", "Điện tử", 2), new("4100", "Xây dựng", 8),
        new("4290", "Xây dựng Công trình", 4), new("4711", "Siêu thị", 2), new("4719", "Thương mại", 6),
        new("4669", "Thương mại Dịch vụ", 6), new("4933", "Vận tải", 5), new("5610", "Dịch vụ Ăn uống", 4),
        new("1079", "Thực phẩm", 3), new("1629", "Chế biến Gỗ", 2), new("2511", "Cơ khí", 2), new("4520", "Ô tô", 2),
        new("5510", "Khách sạn", 2), new("6201", "Phần mềm", 1), new("6810", "Bất động sản", 1), new("0321", "Thủy sản", 1),
        new("1104", "Nước giải khát", 1), new("2220", "Nhựa", 1), new("7020", "Tư vấn", 1), new("0111", "Nông nghiệp", 1),
    ];

    public static readonly Industry[] Households =
    [
        new("4711", "Tạp hóa", 4), new("4719", "Bán lẻ", 3), new("5610", "Quán ăn", 4), new("9602", "Cắt tóc", 2),
        new("4520", "Sửa xe", 2), new("1410", "May đo", 1), new("0111", "Trồng lúa", 2), new("0321", "Nuôi thủy sản", 1),
        new("4933", "Vận tải", 1),
    ];

    public static readonly Industry[] Cooperatives =
    [
        new("0111", "Nông nghiệp", 5), new("0321", "Thủy sản", 2), new("0150", "Dịch vụ Nông nghiệp", 2),
        new("4933", "Vận tải", 2), new("3600", "Cấp nước", 1),
    ];

    public static readonly Industry[] PublicBodies =
    [
        new("8510", "Trường Mầm non", 3), new("8521", "Trường Tiểu học", 3), new("8522", "Trường Trung học cơ sở", 2),
        new("8610", "Bệnh viện Đa khoa", 1), new("8411", "Ủy ban nhân dân", 2),
    ];

    // Trade names are two auspicious syllables, as most Vietnamese firms' are.
    private static readonly string[] TradeFirst =
        ["Minh", "Hoàng", "Thành", "An", "Phú", "Đại", "Tân", "Hưng", "Việt", "Hải", "Kim", "Quang", "Trường", "Phúc", "Thiên", "Nam", "Đông", "Hồng", "Sao", "Bảo"];

    private static readonly string[] TradeSecond =
        ["Phát", "Long", "Đạt", "Thịnh", "Hưng", "Lộc", "Thành", "Tiến", "Khang", "Vượng", "Phong", "Anh", "Việt", "Hà", "Sơn"];

    public static Industry[] For(EmployerKind kind) => kind switch
    {
        EmployerKind.Enterprise => Enterprises,
        EmployerKind.Cooperative => Cooperatives,
        EmployerKind.Household => Households,
        _ => PublicBodies,
    };

    public static Industry Draw(Random random, EmployerKind kind)
    {
        var industries = For(kind);
        var pick = random.Next(industries.Sum(industry => industry.Weight));
        foreach (var industry in industries)
        {
            pick -= industry.Weight;
            if (pick < 0)
            {
                return industry;
            }
        }

        return industries[^1];
    }

    /// <summary>An enterprise's registered name: legal form, industry, trade name.</summary>
    public static string EnterpriseName(Random random, Industry industry)
    {
        var form = random.NextDouble() switch
        {
            < 0.6 => "Công ty TNHH",
            < 0.9 => "Công ty Cổ phần",
            _ => "Doanh nghiệp tư nhân",
        };
        return $"{form} {industry.NameWord} {TradeFirst[random.Next(TradeFirst.Length)]} {TradeSecond[random.Next(TradeSecond.Length)]}";
    }

    public static string CooperativeName(Industry industry, string place) => $"Hợp tác xã {industry.NameWord} {place}";

    public static string HouseholdName(Industry industry, string owner) => $"Hộ kinh doanh {industry.NameWord} {owner}";

    public static string PublicName(Industry industry, string place) => $"{industry.NameWord} {place}";

    public static string BranchName(string parent, string place) => $"{parent} - Chi nhánh {place}";
}
