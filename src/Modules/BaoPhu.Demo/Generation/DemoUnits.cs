namespace BaoPhu.Demo.Generation;

/// <summary>Unit type words exactly as the GSO files spell them; importers derive the type from them.</summary>
internal static class UnitTypes
{
    public const string Province = "Tỉnh";
    public const string City = "Thành phố";
    public const string Town = "Thị xã";
    public const string RuralDistrict = "Huyện";
    public const string Ward = "Phường";
    public const string Commune = "Xã";
    public const string Township = "Thị trấn";
}

/// <summary>A unit's full name is its type word followed by its proper name: "Huyện" + "Yên Phú".</summary>
internal abstract record DemoUnit(string Code, string Type, string BaseName)
{
    public string Name => $"{Type} {BaseName}";
}

internal sealed record OldDistrict(string Code, string Type, string BaseName, IReadOnlyList<OldCommune> Communes)
    : DemoUnit(Code, Type, BaseName);

// DistrictIndex is the position of its district, so the merger can tell neighbouring districts.
internal sealed record OldCommune(string Code, string Type, string BaseName, int DistrictIndex)
    : DemoUnit(Code, Type, BaseName);

internal sealed record MergeLink(OldCommune Old, bool IsPartial);

internal sealed record NewCommune(string Code, string Type, string BaseName, IReadOnlyList<MergeLink> Links)
    : DemoUnit(Code, Type, BaseName);

internal sealed record DemoProvince(
    string Code, IReadOnlyList<OldDistrict> Districts, IReadOnlyList<NewCommune> NewCommunes)
{
    // "Mẫu" (sample) and "(DEMO)" in the name itself, because the name is what every screen,
    // report and export shows; a flag elsewhere would be lost on the first copy-paste.
    public const string ProperName = "Sông Hồng Mẫu (DEMO)";

    public const string Name = $"{UnitTypes.Province} {ProperName}";

    public IEnumerable<OldCommune> OldCommunes => Districts.SelectMany(district => district.Communes);
}
