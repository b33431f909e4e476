namespace BaoPhu.Demo.Generation;

/// <summary>
/// Two-syllable Vietnamese place names, each handed out once per province, in an order fixed by
/// the seed. One pool serves every level, so no two units share a proper name by accident.
/// </summary>
internal sealed class NamePool
{
    // No two syllables fold to the same letters (there is "Hà" but no "Hạ"), so names that
    // differ here still differ when BaoPhu searches without diacritics.
    private static readonly string[] Leading =
    [
        "An", "Bình", "Hòa", "Phú", "Yên", "Thành", "Tân", "Lộc", "Xuân", "Thịnh", "Quang", "Hưng",
        "Long", "Sơn", "Hà", "Mỹ", "Nghĩa", "Phong", "Thái", "Hải", "Vĩnh", "Phúc", "Thuận", "Đức",
        "Minh", "Tiến", "Hợp", "Cường", "Lạc", "Thủy", "Lâm", "Kim", "Ngọc", "Hồng", "Đại", "Cẩm",
        "Quỳnh", "Châu", "Định", "Khánh", "Thạch", "Lương", "Tường", "Hiệp", "Vạn", "Quý", "Thọ",
        "Nhân", "Trường", "Gia",
    ];

    // Words of place and direction read naturally only in second position ("Yên Đông", not "Đông Tây").
    private static readonly string[] TrailingOnly = ["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng"];

    private readonly Queue<string> names;

    public NamePool(Random random)
    {
        var all = (from first in Leading
                   from second in Leading.Concat(TrailingOnly)
                   where first != second
                   select $"{first} {second}").ToArray();
        random.Shuffle(all);
        names = new Queue<string>(all);
    }

    public string Next() =>
        names.TryDequeue(out var name)
            ? name
            : throw new InvalidOperationException("The demo name pool is exhausted.");
}
