namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// The demo province's communes as the feeds need them: old and new codes, how dense each old one is,
/// its minimum-wage region, and which new commune each piece of it went to on 1/7/2025.
/// </summary>
internal sealed class FeedCommunes
{
    private readonly int[][] successors;
    private readonly double[][] successorShares;

    public FeedCommunes(DemoProvince province, Random random)
    {
        var old = province.OldCommunes.ToArray();
        OldCodes = [.. old.Select(commune => commune.Code)];
        OldNames = [.. old.Select(commune => commune.BaseName)];
        NewCodes = [.. province.NewCommunes.Select(commune => commune.Code)];
        NewNames = [.. province.NewCommunes.Select(commune => commune.BaseName)];
        Region = new int[old.Length];
        ResidentWeight = new double[old.Length];
        EmployerWeight = new double[old.Length];
        for (var i = 0; i < old.Length; i++)
        {
            // The city's wards are region II, its communes and the town region III, the countryside IV.
            Region[i] = (old[i].DistrictIndex, old[i].Type) switch
            {
                (0, UnitTypes.Ward) => 1,
                (0, _) or (1, _) => 2,
                (_, UnitTypes.Township) => 2,
                _ => 3,
            };

            // Wards are denser, and employers cluster there even more than people.
            var density = old[i].Type switch
            {
                UnitTypes.Ward => 2.2,
                UnitTypes.Township => 1.5,
                _ => 1.0,
            };
            ResidentWeight[i] = density * (0.7 + (0.6 * random.NextDouble()));
            EmployerWeight[i] = density * density * (0.7 + (0.6 * random.NextDouble()));
        }

        var index = OldCodes.Select((code, i) => (code, i)).ToDictionary(pair => pair.code, pair => pair.i, StringComparer.Ordinal);
        var links = province.NewCommunes
            .SelectMany((commune, n) => commune.Links.Select(link => (Old: index[link.Old.Code], New: n)))
            .GroupBy(link => link.Old)
            .ToDictionary(group => group.Key, group => group.Select(link => link.New).ToArray());
        successors = new int[old.Length][];
        successorShares = new double[old.Length][];
        for (var i = 0; i < old.Length; i++)
        {
            successors[i] = links[i];

            // A split commune's parts lie between a third and three times each other, as in the coverage demo.
            var weights = successors[i].Select(_ => successors[i].Length > 1 ? 0.5 + random.NextDouble() : 1).ToArray();
            var total = weights.Sum();
            successorShares[i] = [.. weights.Select(weight => weight / total)];
        }

        Unknown = UnusedCode(province.Code);
    }

    public string[] OldCodes { get; }

    public string[] OldNames { get; }

    public string[] NewCodes { get; }

    public string[] NewNames { get; }

    /// <summary>0 for region I … 3 for region IV.</summary>
    public int[] Region { get; }

    public double[] ResidentWeight { get; }

    public double[] EmployerWeight { get; }

    /// <summary>A code of the province's block that names no commune before or after the reform.</summary>
    public string Unknown { get; }

    /// <summary>The new commune that took the part of old commune <paramref name="old"/> where someone lives or works.</summary>
    public int Successor(int old, Random random)
    {
        var pick = random.NextDouble();
        var shares = successorShares[old];
        for (var i = 0; i < shares.Length - 1; i++)
        {
            pick -= shares[i];
            if (pick < 0)
            {
                return successors[old][i];
            }
        }

        return successors[old][^1];
    }

    /// <summary>The code in force on <paramref name="day"/> for someone in old commune <paramref name="old"/>, now in <paramref name="now"/>.</summary>
    public string CodeOn(DateOnly day, int old, int now) => day >= DemoCoverageGenerator.MergerDate ? NewCodes[now] : OldCodes[old];

    private string UnusedCode(string provinceCode)
    {
        var used = OldCodes.Concat(NewCodes).ToHashSet(StringComparer.Ordinal);
        for (var sequence = 999; ; sequence--)
        {
            var code = $"{provinceCode}{sequence:D3}";
            if (!used.Contains(code))
            {
                return code;
            }
        }
    }
}
