namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// Vietnamese personal names: family names drawn by their real frequency, a middle name and a given
/// name that suit the person's sex, women born later less often "Thị". A person stores only the
/// three indices; the name is spelled out when a row is written.
/// </summary>
internal static class PersonNames
{
    // Approximate shares in the population, in per mille; Nguyễn alone is about 38%.
    private static readonly (string Name, int Weight)[] FamilyWeights =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 41), ("Huỳnh", 10),
        ("Phan", 45), ("Vũ", 30), ("Võ", 9), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13),
        ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Trương", 8), ("Đinh", 7), ("Đào", 6), ("Mai", 5),
        ("Lâm", 4), ("Cao", 4), ("Hà", 4), ("Lương", 4), ("Trịnh", 4), ("Tạ", 3), ("Chu", 3),
        ("Tô", 2), ("Vương", 2), ("Kiều", 2), ("Quách", 1), ("Thái", 2),
    ];

    private static readonly string[] MaleMiddle =
        ["Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Ngọc", "Xuân", "Duy", "Hoàng", "Tuấn", "Anh", "Đình", "Trọng", "Mạnh", "Tiến"];

    private static readonly string[] FemaleMiddle =
        ["Ngọc", "Thu", "Thanh", "Minh", "Phương", "Kim", "Bảo", "Mai", "Hồng", "Thùy", "Khánh", "Diệu", "Hoài", "Thảo", "Mỹ", "Lan"];

    private static readonly string[] MaleGiven =
    [
        "Hùng", "Dũng", "Minh", "Tuấn", "Nam", "Hải", "Long", "Thắng", "Cường", "Sơn", "Phong", "Quân", "Huy", "Khoa",
        "Đức", "Hiếu", "Trung", "Tùng", "Bình", "Thành", "Hưng", "Toàn", "Kiên", "Lâm", "Phúc", "Vinh", "Tài", "Tiến",
        "Việt", "Khang", "Bảo", "An", "Đạt", "Nghĩa", "Quang", "Thịnh", "Tâm", "Lộc", "Duy", "Hoàng",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Hằng", "Thảo", "Ngọc", "Hà", "Nhung", "Yến", "Phương", "Thủy",
        "Huyền", "Anh", "Dung", "Loan", "Vân", "Hạnh", "Nga", "Oanh", "Thu", "Nhi", "Vy", "Chi", "Quỳnh", "Giang",
        "Hiền", "Nhàn", "Tuyết", "Liên", "Thư", "My", "Diệp", "Trâm", "Uyên", "Ánh", "Hồng", "Xuân",
    ];

    private static readonly int[] FamilyCumulative = Cumulative(FamilyWeights);

    // Index 0 of a middle-name table is the traditional one; the others follow it.
    private const string MaleTraditional = "Văn";
    private const string FemaleTraditional = "Thị";

    public static string Family(int index) => FamilyWeights[index].Name;

    public static string Middle(bool female, int index) =>
        index == 0 ? (female ? FemaleTraditional : MaleTraditional) : (female ? FemaleMiddle : MaleMiddle)[index - 1];

    public static string Given(bool female, int index) => (female ? FemaleGiven : MaleGiven)[index];

    public static string Full(byte family, bool female, byte middle, byte given) =>
        string.Concat(Family(family), " ", Middle(female, middle), " ", Given(female, given));

    public static (byte Family, byte Middle, byte Given) Draw(Random random, bool female, int birthYear)
    {
        var family = Array.BinarySearch(FamilyCumulative, random.Next(FamilyCumulative[^1]) + 1);
        family = family >= 0 ? family : ~family;

        // "Văn" and "Thị" were the rule for people born in the 1960s and are ever rarer since.
        var traditional = Math.Clamp((female ? 0.75 : 0.55) - ((birthYear - 1965) * (female ? 0.012 : 0.010)), 0.12, 0.8);
        var middle = random.NextDouble() < traditional ? 0 : 1 + random.Next((female ? FemaleMiddle : MaleMiddle).Length);
        var given = random.Next((female ? FemaleGiven : MaleGiven).Length);
        return ((byte)family, (byte)middle, (byte)given);
    }

    private static int[] Cumulative((string Name, int Weight)[] weights)
    {
        var cumulative = new int[weights.Length];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i].Weight;
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
