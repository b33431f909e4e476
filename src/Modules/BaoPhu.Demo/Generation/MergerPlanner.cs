namespace BaoPhu.Demo.Generation;

/// <summary>
/// The reform of 1 July 2025 in miniature: districts disappear and runs of neighbouring old
/// communes merge into new ones; a few old communes are split between two or three new ones.
/// </summary>
internal static class MergerPlanner
{
    // Sizes drawn for a new commune; with the cuts at district borders the mean comes out near
    // 3 old communes per new one, as nationally (10,047 → 3,321).
    private static readonly int[] GroupSizes = [2, 3, 3, 4, 4];

    // Most new communes stay within one old district; some straddle a border.
    private const double CutAtDistrictBorderChance = 0.7;

    // 460 of 10,047 real old communes were split; the demo splits more so splits are easy to find.
    private const double SplitShare = 0.10;

    // Of those 460, about one in six went to three or more new communes.
    private const double ThreeWaySplitChance = 0.15;

    // About two thirds of real new communes kept an old name; the demo keeps fewer, so that old and
    // new names are told apart at a glance yet reused names still occur.
    private const double KeepOldNameChance = 0.4;

    public static IReadOnlyList<NewCommune> Plan(
        IReadOnlyList<OldDistrict> districts, Random random, NamePool names, CommuneCodes codes)
    {
        var groups = Group(districts.SelectMany(district => district.Communes), random);
        var split = Split(groups, random);

        var takenCodes = new HashSet<string>(StringComparer.Ordinal);
        var newCommunes = new List<NewCommune>(groups.Count);
        foreach (var group in groups)
        {
            var links = group
                .OrderBy(old => old.Code, StringComparer.Ordinal)
                .Select(old => new MergeLink(old, split.Contains(old)))
                .ToList();

            // GSO gave nearly every new commune (3,314 of 3,321) the code of one of its old
            // communes, preferably one taken whole. A reused code then names different land
            // before and after the reform, which is exactly what BaoPhu must resolve by date.
            var donor = links
                .OrderBy(link => link.IsPartial)
                .Select(link => link.Old)
                .FirstOrDefault(old => !takenCodes.Contains(old.Code));
            var code = donor?.Code ?? codes.NextUnused();
            takenCodes.Add(code);

            // Urban land stays urban: as in the real reform, a merger that is at least half wards is a ward.
            var wards = links.Count(link => link.Old.Type == UnitTypes.Ward);
            var type = wards * 2 >= links.Count ? UnitTypes.Ward : UnitTypes.Commune;
            var baseName = donor is not null && random.NextDouble() < KeepOldNameChance ? donor.BaseName : names.Next();
            newCommunes.Add(new NewCommune(code, type, baseName, links));
        }

        return [.. newCommunes.OrderBy(commune => commune.Code, StringComparer.Ordinal)];
    }

    /// <summary>Cuts the old communes, in code order, into runs of neighbours.</summary>
    private static List<List<OldCommune>> Group(IEnumerable<OldCommune> communes, Random random)
    {
        var groups = new List<List<OldCommune>>();
        var current = new List<OldCommune>();
        var size = GroupSizes[random.Next(GroupSizes.Length)];
        foreach (var commune in communes)
        {
            if (current.Count > 0 && ShouldClose(current, commune, size, random))
            {
                groups.Add(current);
                current = [];
                size = GroupSizes[random.Next(GroupSizes.Length)];
            }

            current.Add(commune);
        }

        groups.Add(current);
        return groups;
    }

    private static bool ShouldClose(List<OldCommune> current, OldCommune next, int size, Random random) =>
        current.Count >= size
        || !Fits(current, next)
        || (next.DistrictIndex != current[^1].DistrictIndex && random.NextDouble() < CutAtDistrictBorderChance);

    /// <summary>
    /// Adds some old communes to a neighbouring group as well; those become partial everywhere,
    /// as in the real data, where an old commune with more than one new commune is never full.
    /// </summary>
    private static HashSet<OldCommune> Split(List<List<OldCommune>> groups, Random random)
    {
        var candidates = groups
            .SelectMany((group, index) => group.Select(commune => (Commune: commune, Home: index)))
            .ToArray();
        random.Shuffle(candidates);

        // At least one whenever there is somewhere to split to, so every demo shows the case.
        var wanted = groups.Count > 1 ? Math.Max(1, (int)Math.Round(candidates.Length * SplitShare)) : 0;
        var split = new HashSet<OldCommune>();
        foreach (var (commune, home) in candidates)
        {
            if (split.Count == wanted)
            {
                break;
            }

            var hosts = new[] { home - 1, home + 1 }
                .Where(index => index >= 0 && index < groups.Count && Fits(groups[index], commune))
                .ToList();
            if (hosts.Count == 0)
            {
                continue;
            }

            if (hosts.Count == 2 && random.NextDouble() >= ThreeWaySplitChance)
            {
                hosts.RemoveAt(random.Next(2));
            }

            foreach (var host in hosts)
            {
                groups[host].Add(commune);
            }

            split.Add(commune);
        }

        return split;
    }

    // A new commune takes old communes of one district or of two neighbouring districts, never
    // further apart, so the demo never shows a merger across the province.
    private static bool Fits(List<OldCommune> group, OldCommune commune)
    {
        var districts = group.Select(old => old.DistrictIndex).Append(commune.DistrictIndex).ToList();
        return districts.Max() - districts.Min() <= 1;
    }
}
