using System.Globalization;
using System.Text;

namespace BaoPhu.Demo.Generation;

/// <summary>
/// Makes the demo province's yearly targets and monthly actuals, offline and deterministically for
/// the seed and "today", as the canonical <c>targets</c> and <c>coverage-actuals</c> feeds.
/// </summary>
/// <remarks>
/// Targets name the units in force on 31 December of their year: the province, its districts and old
/// communes up to 2024, the province and the new communes from 2025. Actuals are given for communes
/// only, as BHXH's aggregate reports would, so districts and the province come from the system's own
/// roll-up; old communes before July 2025, new ones from then. Every number is a count: rates are
/// derived, except the province's milestone rates, which are targets.
/// </remarks>
public static class DemoCoverageGenerator
{
    /// <summary>The reform of 1 July 2025, the date the demo's merger file takes effect on.</summary>
    internal static readonly DateOnly MergerDate = new(2025, 7, 1);

    internal const string TargetsHeader = "year,unit_code,indicator,value";
    internal const string ActualsHeader = "period,unit_code,indicator,value";

    private const double OnTrackChance = 0.5;
    private const double LaggingChance = 0.2;

    // Neighbouring communes share an industrial zone, a road, a district's zeal: most take their area's pace.
    private const double AreaPaceChance = 0.75;

    // A quarter of the districts pass down a little more or less than they were given, as real ones do.
    private const int DistrictsPerDeviating = 4;

    // A province assigns round numbers for what it must achieve, slightly above what its units add up to.
    private const int ProvinceRounding = 100;

    /// <summary>Generates both files for the province <see cref="DemoUnitGenerator"/> makes from the same options.</summary>
    public static DemoCoverageFiles Generate(DemoUnitOptions units, DemoCoverageOptions coverage)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(coverage);
        coverage.EnsureValid();

        var province = DemoUnitGenerator.Build(units);

        // A stream of its own, drawn in a fixed order, so that coverage never disturbs the units' draws.
        var random = new Random(unchecked(units.Seed * 31 + 28));
        var models = DrawModels(province, random);
        var territories = DrawTerritories(province, random);
        var deviations = DrawDeviations(province, coverage, random);

        return new DemoCoverageFiles(
            Targets(province, coverage, models, territories, deviations),
            Actuals(province, coverage, models, territories));
    }

    /// <summary>Whether the year's targets name the new units: those in force on its 31 December.</summary>
    internal static bool OnNewUnits(int year) => new DateOnly(year, 12, 31) >= MergerDate;

    /// <summary>Whether a month's actuals name the new units: those in force on its first day.</summary>
    internal static bool OnNewUnits(int year, int month) => new DateOnly(year, month, 1) >= MergerDate;

    private static Dictionary<OldCommune, CommuneModel> DrawModels(DemoProvince province, Random random)
    {
        var areaPace = province.NewCommunes.ToDictionary(commune => commune.Code, _ => DrawPace(random), StringComparer.Ordinal);
        var models = new Dictionary<OldCommune, CommuneModel>();
        foreach (var old in province.OldCommunes)
        {
            var area = province.NewCommunes.First(commune => commune.Links.Any(link => link.Old == old));
            var pace = random.NextDouble() < AreaPaceChance ? areaPace[area.Code] : DrawPace(random);
            models.Add(old, CommuneModel.Draw(old, pace, random));
        }

        return models;
    }

    private static Pace DrawPace(Random random) => random.NextDouble() switch
    {
        < OnTrackChance => Pace.OnTrack,
        < 1 - LaggingChance => Pace.Middling,
        _ => Pace.Lagging,
    };

    /// <summary>Each new commune as shares of old ones: all of a commune taken whole, part of a split one.</summary>
    private static List<Territory> DrawTerritories(DemoProvince province, Random random)
    {
        var weights = new Dictionary<(string New, string Old), double>();
        foreach (var commune in province.NewCommunes)
        {
            foreach (var link in commune.Links)
            {
                // Never a sliver: a split commune's parts lie between a third and three times each other.
                weights[(commune.Code, link.Old.Code)] = link.IsPartial ? 0.5 + random.NextDouble() : 1;
            }
        }

        var totals = weights
            .GroupBy(pair => pair.Key.Old, pair => pair.Value, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(), StringComparer.Ordinal);
        return [.. province.NewCommunes.Select(commune => new Territory(
            commune,
            [.. commune.Links.Select(link => new Part(link.Old, weights[(commune.Code, link.Old.Code)] / totals[link.Old.Code]))]))];
    }

    /// <summary>The factor by which a few districts' own targets differ from the sum they pass down, by year.</summary>
    private static Dictionary<(string District, int Year), double> DrawDeviations(
        DemoProvince province, DemoCoverageOptions coverage, Random random)
    {
        var districts = province.Districts.Select(district => district.Code).ToArray();
        random.Shuffle(districts);
        var deviating = districts.Take(Math.Max(1, districts.Length / DistrictsPerDeviating)).Order(StringComparer.Ordinal).ToList();

        var deviations = new Dictionary<(string, int), double>();
        for (var year = coverage.FirstYear; year <= coverage.LastYear && !OnNewUnits(year); year++)
        {
            foreach (var district in deviating)
            {
                // Mostly a district keeps a margin above what it gives its communes; sometimes the communes promise more.
                var sign = random.NextDouble() < 0.7 ? 1 : -1;
                deviations[(district, year)] = 1 + sign * (0.01 + random.NextDouble() * 0.025);
            }
        }

        return deviations;
    }

    private static string Targets(
        DemoProvince province,
        DemoCoverageOptions coverage,
        Dictionary<OldCommune, CommuneModel> models,
        List<Territory> territories,
        Dictionary<(string District, int Year), double> deviations)
    {
        var csv = new StringBuilder(TargetsHeader).Append('\n');
        for (var year = coverage.FirstYear; year <= coverage.LastYear; year++)
        {
            var label = year.ToString(CultureInfo.InvariantCulture);
            if (OnNewUnits(year))
            {
                var communes = territories
                    .Select(territory => (territory.Commune.Code, Values: Round(territory.Sum(old => models[old].Target(year)))))
                    .ToList();
                WriteProvince(csv, year, province.Code, communes.Select(commune => commune.Values));
                foreach (var (code, values) in communes)
                {
                    WriteRows(csv, label, code, values);
                }

                continue;
            }

            var districts = province.Districts
                .Select(district =>
                {
                    var communes = district.Communes.Select(commune => (commune.Code, Values: Round(models[commune].Target(year)))).ToList();
                    var values = Sum(communes.Select(commune => commune.Values));
                    if (deviations.TryGetValue((district.Code, year), out var factor))
                    {
                        Adjust(values, value => (long)Math.Round(value * factor, MidpointRounding.AwayFromZero));
                    }

                    return (district.Code, Values: values, Communes: communes);
                })
                .ToList();
            WriteProvince(csv, year, province.Code, districts.Select(district => district.Values));
            foreach (var district in districts)
            {
                WriteRows(csv, label, district.Code, district.Values);
                foreach (var (code, values) in district.Communes)
                {
                    WriteRows(csv, label, code, values);
                }
            }
        }

        return csv.ToString();
    }

    private static void WriteProvince(StringBuilder csv, int year, string code, IEnumerable<long[]> children)
    {
        var label = year.ToString(CultureInfo.InvariantCulture);
        var values = Sum(children);
        Adjust(values, value => (value + ProvinceRounding - 1) / ProvinceRounding * ProvinceRounding);
        WriteRows(csv, label, code, values);
        foreach (var (indicator, _, percent) in CoverageMeasures.Milestones.Where(milestone => milestone.Year == year))
        {
            WriteRow(csv, label, code, indicator, percent.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Actuals(
        DemoProvince province,
        DemoCoverageOptions coverage,
        Dictionary<OldCommune, CommuneModel> models,
        List<Territory> territories)
    {
        var first = CommuneModel.MonthIndex(coverage.FirstYear, 1);
        var last = Math.Min(
            CommuneModel.MonthIndex(coverage.Today.Year, coverage.Today.Month) - 1,
            CommuneModel.MonthIndex(coverage.LastYear, 12));
        var series = models.ToDictionary(pair => pair.Key, pair => pair.Value.Actuals(first, last));

        var csv = new StringBuilder(ActualsHeader).Append('\n');
        for (var index = first; index <= last; index++)
        {
            var (year, month) = (index / 12, index % 12 + 1);
            var period = $"{year:D4}-{month:D2}";
            if (!OnNewUnits(year, month))
            {
                foreach (var commune in province.OldCommunes)
                {
                    WriteRows(csv, period, commune.Code, Round(series[commune][index - first]));
                }

                continue;
            }

            // Summing unrounded parts keeps every new commune's participants within its own population.
            foreach (var territory in territories)
            {
                WriteRows(csv, period, territory.Commune.Code, Round(territory.Sum(old => series[old][index - first])));
            }
        }

        return csv.ToString();
    }

    private static long[] Round(double[] values) =>
        [.. values.Select(value => (long)Math.Round(value, MidpointRounding.AwayFromZero))];

    private static long[] Sum(IEnumerable<long[]> rows)
    {
        var sum = new long[CoverageMeasures.Count];
        foreach (var row in rows)
        {
            for (var index = 0; index < sum.Length; index++)
            {
                sum[index] += row[index];
            }
        }

        return sum;
    }

    private static void Adjust(long[] values, Func<long, long> adjust)
    {
        for (var index = 0; index < values.Length; index++)
        {
            if (CoverageMeasures.IsAchievement((Measure)index))
            {
                values[index] = adjust(values[index]);
            }
        }
    }

    private static void WriteRows(StringBuilder csv, string key, string code, long[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            WriteRow(csv, key, code, CoverageMeasures.Codes[index], values[index].ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteRow(StringBuilder csv, string key, string code, string indicator, string value) =>
        csv.Append(key).Append(',').Append(code).Append(',').Append(indicator).Append(',').Append(value).Append('\n');

    private sealed record Part(OldCommune Old, double Share);

    private sealed record Territory(NewCommune Commune, IReadOnlyList<Part> Parts)
    {
        public double[] Sum(Func<OldCommune, double[]> valuesOf)
        {
            var sum = new double[CoverageMeasures.Count];
            foreach (var part in Parts)
            {
                var values = valuesOf(part.Old);
                for (var index = 0; index < sum.Length; index++)
                {
                    sum[index] += values[index] * part.Share;
                }
            }

            return sum;
        }
    }
}
