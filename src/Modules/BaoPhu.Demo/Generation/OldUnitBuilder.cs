namespace BaoPhu.Demo.Generation;

/// <summary>The province as it stood before 1 July 2025: districts and their communes.</summary>
internal static class OldUnitBuilder
{
    public static IReadOnlyList<OldDistrict> Build(
        DemoUnitOptions options, Random random, NamePool names, CommuneCodes codes)
    {
        var districts = new List<OldDistrict>(options.Districts);
        for (var index = 0; index < options.Districts; index++)
        {
            // Like a typical province: its capital is a city, one town, and the rest rural districts.
            var type = index switch
            {
                0 => UnitTypes.City,
                1 => UnitTypes.Town,
                _ => UnitTypes.RuralDistrict,
            };
            var baseName = names.Next();
            var count = random.Next(options.MinCommunesPerDistrict, options.MaxCommunesPerDistrict + 1);
            var communes = new List<OldCommune>(count);
            for (var position = 0; position < count; position++)
            {
                var communeType = CommuneType(type, position, count);

                // A rural district's township is its seat and bears its name (Huyện Yên Phú → Thị trấn Yên Phú).
                var communeName = communeType == UnitTypes.Township ? baseName : names.Next();
                communes.Add(new OldCommune(codes.NextAfterGap(random), communeType, communeName, index));
            }

            districts.Add(new OldDistrict($"{options.ProvinceCode}{index}", type, baseName, communes));
        }

        return districts;
    }

    // GSO lists wards before communes and a district's township first; the demo keeps that order.
    private static string CommuneType(string districtType, int position, int count)
    {
        var wards = districtType switch
        {
            UnitTypes.City => count * 4 / 5,
            UnitTypes.Town => count / 2,
            _ => 0,
        };

        if (position < wards)
        {
            return UnitTypes.Ward;
        }

        return districtType == UnitTypes.RuralDistrict && position == 0 ? UnitTypes.Township : UnitTypes.Commune;
    }
}
