namespace BaoPhu.Platform.Text;

/// <summary>A section (ngành cấp 1) of the Vietnamese standard industrial classification VSIC 2018.</summary>
public sealed record VsicSection(string Letter, string NameVi, string NameEn)
{
    public string Name => Localized.T(NameVi, NameEn);
}

/// <summary>
/// The 21 sections of VSIC 2018 (Decision 27/2018/QĐ-TTg), by the divisions (first two digits) they
/// group: the level at which sector departments take their lists.
/// </summary>
public static class VsicSections
{
    private static readonly (int From, int To, VsicSection Section)[] Ranges =
    [
        (1, 3, new("A", "Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture, forestry and fishing")),
        (5, 9, new("B", "Khai khoáng", "Mining and quarrying")),
        (10, 33, new("C", "Công nghiệp chế biến, chế tạo", "Manufacturing")),
        (35, 35, new("D", "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí", "Electricity, gas, steam and air conditioning")),
        (36, 39, new("E", "Cung cấp nước; quản lý và xử lý rác thải, nước thải", "Water supply, sewerage and waste management")),
        (41, 43, new("F", "Xây dựng", "Construction")),
        (45, 47, new("G", "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy", "Wholesale and retail trade; repair of motor vehicles")),
        (49, 53, new("H", "Vận tải, kho bãi", "Transportation and storage")),
        (55, 56, new("I", "Dịch vụ lưu trú và ăn uống", "Accommodation and food services")),
        (58, 63, new("J", "Thông tin và truyền thông", "Information and communication")),
        (64, 66, new("K", "Hoạt động tài chính, ngân hàng và bảo hiểm", "Financial and insurance activities")),
        (68, 68, new("L", "Hoạt động kinh doanh bất động sản", "Real estate activities")),
        (69, 75, new("M", "Hoạt động chuyên môn, khoa học và công nghệ", "Professional, scientific and technical activities")),
        (77, 82, new("N", "Hoạt động hành chính và dịch vụ hỗ trợ", "Administrative and support services")),
        (84, 84, new("O", "Quản lý nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc", "Public administration and defence; compulsory social security")),
        (85, 85, new("P", "Giáo dục và đào tạo", "Education")),
        (86, 88, new("Q", "Y tế và trợ giúp xã hội", "Human health and social work")),
        (90, 93, new("R", "Nghệ thuật, vui chơi và giải trí", "Arts, entertainment and recreation")),
        (94, 96, new("S", "Hoạt động dịch vụ khác", "Other service activities")),
        (97, 98, new("T", "Hoạt động làm thuê trong các hộ gia đình", "Activities of households as employers")),
        (99, 99, new("U", "Hoạt động của các tổ chức và cơ quan quốc tế", "Extraterritorial organisations")),
    ];

    public static IReadOnlyList<VsicSection> All { get; } = [.. Ranges.Select(r => r.Section)];

    /// <summary>The section of a VSIC code (any level, two digits or more); null when the code names none.</summary>
    public static VsicSection? Of(string? vsic)
    {
        if (vsic is not { Length: >= 2 } || !char.IsAsciiDigit(vsic[0]) || !char.IsAsciiDigit(vsic[1]))
        {
            return null;
        }

        var division = ((vsic[0] - '0') * 10) + (vsic[1] - '0');
        return Ranges.FirstOrDefault(r => division >= r.From && division <= r.To).Section;
    }

    /// <summary>The section with this letter (case-insensitive); null when none.</summary>
    public static VsicSection? ByLetter(string? letter) =>
        All.FirstOrDefault(s => string.Equals(s.Letter, letter?.Trim(), StringComparison.OrdinalIgnoreCase));
}
