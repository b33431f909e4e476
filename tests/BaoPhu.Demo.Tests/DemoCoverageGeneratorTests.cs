using System.Globalization;
using System.Text;
using System.Text.Json;
using BaoPhu.Demo.Generation;

namespace BaoPhu.Demo.Tests;

/// <summary>
/// The demo's targets and actuals are read back from the CSV text, against the units read back from
/// the unit files, as the importers will see them; the generator's own model is not trusted.
/// </summary>
public sealed class DemoCoverageGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DemoCoverageFiles Defaults = DemoCoverageGenerator.Generate(new DemoUnitOptions(), new DemoCoverageOptions(Today));
    private static readonly Feed Data = Feed.Read(new DemoUnitOptions(), Defaults);

    private static readonly string[] Counts =
    [
        "si.compulsory.required", "si.compulsory.participants", "si.voluntary.eligible", "si.voluntary.participants",
        "ui.required", "ui.participants", "hi.population", "hi.participants", "labour_force.working_age",
        "pension.past_retirement_age", "pension.recipients", "employers.liable", "employers.registered",
    ];

    private static readonly string[] Achievements =
    [
        "si.compulsory.participants", "si.voluntary.participants", "ui.participants", "hi.participants",
        "pension.recipients", "employers.registered",
    ];

    [Fact]
    public void Generate_WhenCalledTwiceWithSameSeedAndDay_ProducesIdenticalFiles()
    {
        var again = DemoCoverageGenerator.Generate(new DemoUnitOptions(), new DemoCoverageOptions(Today));

        Assert.Equal(Defaults, again);
    }

    [Fact]
    public void Generate_WhenSeedsDiffer_ProducesDifferentFiles()
    {
        var other = DemoCoverageGenerator.Generate(new DemoUnitOptions(Seed: 7), new DemoCoverageOptions(Today));

        Assert.NotEqual(Defaults.TargetsCsv, other.TargetsCsv);
        Assert.NotEqual(Defaults.ActualsCsv, other.ActualsCsv);
    }

    [Fact]
    public void Generate_WhenTodayIsLater_KeepsTheTargetsAndOnlyAddsMonths()
    {
        var later = DemoCoverageGenerator.Generate(new DemoUnitOptions(), new DemoCoverageOptions(Today.AddMonths(3)));

        Assert.Equal(Defaults.TargetsCsv, later.TargetsCsv);
        Assert.StartsWith(Defaults.ActualsCsv, later.ActualsCsv, StringComparison.Ordinal);
        Assert.True(later.ActualsCsv.Length > Defaults.ActualsCsv.Length);
    }

    [Fact]
    public void Generate_WithDefaults_WritesCanonicalHeadersAndWholeCounts()
    {
        Assert.StartsWith("year,unit_code,indicator,value\n", Defaults.TargetsCsv, StringComparison.Ordinal);
        Assert.StartsWith("period,unit_code,indicator,value\n", Defaults.ActualsCsv, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', Defaults.TargetsCsv);
        Assert.DoesNotContain('\r', Defaults.ActualsCsv);

        Assert.All(Data.Actuals, row => Assert.Contains(row.Indicator, Counts));
        Assert.All(
            Data.Targets.Concat(Data.Actuals).Where(row => Counts.Contains(row.Indicator)),
            row => Assert.True(row.Value >= 0 && row.Value == decimal.Truncate(row.Value), row.ToString()));
    }

    [Fact]
    public void Generate_WithDefaults_GivesTheProvinceResolution28Milestones()
    {
        var rates = Data.Targets.Where(row => !Counts.Contains(row.Indicator)).ToList();

        Assert.All(rates, row => Assert.Equal("99", row.Unit));
        Assert.Equal(
            [
                (2025, "si.labour_force_share", 45m), (2025, "si.voluntary.labour_force_share", 2.5m),
                (2025, "ui.labour_force_share", 35m), (2025, "hi.rate", 95m),
                (2030, "si.labour_force_share", 60m), (2030, "si.voluntary.labour_force_share", 5m),
                (2030, "ui.labour_force_share", 45m), (2030, "hi.rate", 99m),
            ],
            rates.Select(row => (row.Year, row.Indicator, row.Value)));
    }

    [Fact]
    public void Generate_WithDefaults_ProvinceCountTargetsReachTheMilestones()
    {
        foreach (var (year, share, voluntary, ui, health) in new[] { (2025, 45m, 2.5m, 35m, 95m), (2030, 60m, 5m, 45m, 99m) })
        {
            var province = Data.TargetsOf(year, "99");
            var labour = province["labour_force.working_age"];
            var participants = province["si.compulsory.participants"] + province["si.voluntary.participants"];
            Assert.InRange(100 * participants / labour, share, share + 5);
            Assert.InRange(100 * province["si.voluntary.participants"] / labour, voluntary, voluntary + 0.5m);
            Assert.InRange(100 * province["ui.participants"] / labour, ui, ui + 6);
            Assert.InRange(100 * province["hi.participants"] / province["hi.population"], health - 0.5m, Math.Min(100, health + 1));
        }
    }

    [Fact]
    public void Generate_WithDefaults_TargetsEveryUnitInForceAtEachYearEndWithEveryCount()
    {
        for (var year = 2021; year <= 2030; year++)
        {
            var expected = year < 2025 ? Data.Units.OldUnits : Data.Units.NewUnits;
            var rows = Data.Targets.Where(row => row.Year == year && Counts.Contains(row.Indicator)).ToList();

            Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(row => row.Unit).Distinct().Order(StringComparer.Ordinal));
            Assert.All(
                rows.GroupBy(row => row.Unit),
                unit => Assert.Equal(Counts.Order(StringComparer.Ordinal), unit.Select(row => row.Indicator).Order(StringComparer.Ordinal)));
        }
    }

    [Fact]
    public void Generate_WithDefaults_ReportsEveryMonthUpToLastMonthForCommunesInForceOnly()
    {
        var periods = Data.Actuals.Select(row => row.Period).Distinct().ToList();
        Assert.Equal("2021-01", periods[0]);
        Assert.Equal("2026-10", periods[^1]);
        Assert.Equal((2026 - 2021) * 12 + 10, periods.Count);

        foreach (var month in Data.Actuals.GroupBy(row => row.Period))
        {
            var communes = string.CompareOrdinal(month.Key, "2025-07") < 0 ? Data.Units.OldCommunes : Data.Units.NewCommunes;
            Assert.Equal(communes.Order(StringComparer.Ordinal), month.Select(row => row.Unit).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(communes.Count * Counts.Length, month.Count());
        }
    }

    [Fact]
    public void Generate_WithDefaults_ChildrenAddUpToTheirParentsButForAFewDistricts()
    {
        var differing = new HashSet<string>(StringComparer.Ordinal);
        for (var year = 2021; year <= 2024; year++)
        {
            foreach (var (district, communes) in Data.Units.Districts)
            {
                var own = Data.TargetsOf(year, district);
                var sum = Sum(year, communes);
                foreach (var indicator in Counts)
                {
                    if (own[indicator] == sum[indicator])
                    {
                        continue;
                    }

                    Assert.Contains(indicator, Achievements);
                    Assert.InRange(own[indicator] / sum[indicator], 0.95m, 1.05m);
                    differing.Add(district);
                }
            }

            AssertProvinceRoundsUp(Data.TargetsOf(year, "99"), Sum(year, Data.Units.Districts.Keys));
        }

        Assert.InRange(differing.Count, 1, Data.Units.Districts.Count / 2);
        for (var year = 2025; year <= 2030; year++)
        {
            AssertProvinceRoundsUp(Data.TargetsOf(year, "99"), Sum(year, Data.Units.NewCommunes));
        }
    }

    [Theory]
    [InlineData(2025, "2026-11-24")]
    [InlineData(2025, "2025-03-15")]
    [InlineData(7, "2026-02-01")]
    [InlineData(42, "2024-06-30")]
    public void Generate_ForTheLastCompleteYear_HasCommunesOnTrackAndCommunesLagging(int seed, string today)
    {
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);
        var units = new DemoUnitOptions(Seed: seed);
        var data = Feed.Read(units, DemoCoverageGenerator.Generate(units, new DemoCoverageOptions(day)));
        var year = day.Year - 1;
        var december = $"{year}-12";

        var ratios = data.Actuals
            .Where(row => row.Period == december && row.Indicator == "si.compulsory.participants")
            .Select(row => row.Value / data.TargetsOf(year, row.Unit)["si.compulsory.participants"])
            .ToList();

        Assert.NotEmpty(ratios);
        Assert.Contains(ratios, ratio => ratio >= 1);
        Assert.Contains(ratios, ratio => ratio < 0.95m);
    }

    [Fact]
    public void Generate_WithDefaults_KeepsEachCommunesNumbersRealistic()
    {
        foreach (var values in Data.Actuals.GroupBy(row => (row.Period, row.Unit)).Select(group => group.ToDictionary(row => row.Indicator, row => row.Value)))
        {
            Assert.InRange(values["labour_force.working_age"], 1_500, 40_000);
            Assert.InRange(values["si.compulsory.participants"], 0.7m * values["si.compulsory.required"], values["si.compulsory.required"]);
            Assert.InRange(values["ui.required"], 0, values["si.compulsory.required"]);
            Assert.InRange(values["ui.participants"], 0, values["ui.required"]);
            Assert.InRange(values["si.voluntary.participants"], 0.005m * values["si.voluntary.eligible"], 0.1m * values["si.voluntary.eligible"]);
            Assert.InRange(values["hi.participants"], 0.8m * values["hi.population"], 0.99m * values["hi.population"]);
            Assert.InRange(values["pension.recipients"], 0, values["pension.past_retirement_age"]);
            Assert.InRange(values["employers.registered"], 0, values["employers.liable"]);
        }
    }

    [Fact]
    public void Generate_WithDefaults_ProvinceParticipantsGrowEveryYear()
    {
        var decembers = Enumerable.Range(2021, 5)
            .Select(year => Data.Actuals.Where(row => row.Period == $"{year}-12").ToLookup(row => row.Indicator, row => row.Value))
            .ToList();

        foreach (var indicator in new[] { "si.compulsory.participants", "si.voluntary.participants", "ui.participants", "hi.participants" })
        {
            var totals = decembers.Select(december => december[indicator].Sum()).ToList();
            Assert.All(totals.Zip(totals.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{indicator}: {pair.First} → {pair.Second}"));
        }
    }

    [Fact]
    public void Generate_WithDefaults_NewCommunesCarryOnTheOldCommunesTheyTook()
    {
        var june = Data.Actuals.Where(row => row.Period == "2025-06").ToDictionary(row => (row.Unit, row.Indicator), row => row.Value);
        var july = Data.Actuals.Where(row => row.Period == "2025-07").ToDictionary(row => (row.Unit, row.Indicator), row => row.Value);

        foreach (var (code, links) in Data.Units.Merges)
        {
            foreach (var indicator in Counts)
            {
                // A split old commune gives each new one only a part, so its share lies between none and all.
                var whole = links.Where(link => !link.IsPartial).Sum(link => june[(link.OldCode, indicator)]);
                var most = links.Sum(link => june[(link.OldCode, indicator)]);
                Assert.InRange(july[(code, indicator)], 0.97m * whole - 2, 1.03m * most + 2);
            }
        }

        foreach (var indicator in Counts)
        {
            var before = june.Where(pair => pair.Key.Indicator == indicator).Sum(pair => pair.Value);
            var after = july.Where(pair => pair.Key.Indicator == indicator).Sum(pair => pair.Value);
            Assert.InRange(after / before, 0.98m, 1.02m);
        }
    }

    [Fact]
    public void Generate_WithAYearRange_LimitsTargetsAndActualsToIt()
    {
        var files = DemoCoverageGenerator.Generate(new DemoUnitOptions(), new DemoCoverageOptions(Today, FirstYear: 2023, LastYear: 2025));
        var data = Feed.Read(new DemoUnitOptions(), files);

        Assert.Equal([2023, 2024, 2025], data.Targets.Select(row => row.Year).Distinct());
        Assert.Equal("2023-01", data.Actuals[0].Period);
        Assert.Equal("2025-12", data.Actuals[^1].Period);
    }

    [Fact]
    public void Generate_WhenTodayIsInTheFirstMonth_WritesTargetsAndNoActuals()
    {
        var files = DemoCoverageGenerator.Generate(new DemoUnitOptions(), new DemoCoverageOptions(new DateOnly(2021, 1, 20)));

        Assert.Equal("period,unit_code,indicator,value\n", files.ActualsCsv);
        Assert.Contains("\n2030,99,", files.TargetsCsv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 2024)]
    [InlineData(1999, 2030)]
    [InlineData(2021, 2101)]
    public void Generate_WhenYearsAreOutOfRange_ThrowsArgumentOutOfRangeException(int first, int last)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => DemoCoverageGenerator.Generate(new DemoUnitOptions(), new DemoCoverageOptions(Today, first, last)));
    }

    [Theory]
    [InlineData("2026-11-24", 2021, 2025)]
    [InlineData("2026-01-01", 2021, 2025)]
    [InlineData("2021-06-01", 0, -1)]
    [InlineData("2040-01-01", 2021, 2030)]
    public void PastYears_ForToday_AreTheYearsBeforeTodaysWithinTheRange(string today, int first, int last)
    {
        var options = new DemoCoverageOptions(DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(last < first ? [] : Enumerable.Range(first, last - first + 1), options.PastYears);
    }

    [Fact]
    public void WriteTo_WhenDirectoryIsMissing_CreatesItWithTheFeedFileNamesInUtf8WithoutBom()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baophu-demo-" + Path.GetRandomFileName(), "coverage");
        try
        {
            Defaults.WriteTo(directory);

            Assert.Equal(new UTF8Encoding(false).GetBytes(Defaults.TargetsCsv), File.ReadAllBytes(Path.Combine(directory, "targets.csv")));
            Assert.Equal(new UTF8Encoding(false).GetBytes(Defaults.ActualsCsv), File.ReadAllBytes(Path.Combine(directory, "coverage-actuals.csv")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    private static Dictionary<string, decimal> Sum(int year, IEnumerable<string> units) =>
        units.Select(unit => Data.TargetsOf(year, unit))
            .SelectMany(values => values)
            .Where(pair => Counts.Contains(pair.Key))
            .GroupBy(pair => pair.Key, pair => pair.Value)
            .ToDictionary(group => group.Key, group => group.Sum());

    private static void AssertProvinceRoundsUp(Dictionary<string, decimal> province, Dictionary<string, decimal> children)
    {
        foreach (var indicator in Counts)
        {
            if (Achievements.Contains(indicator))
            {
                Assert.InRange(province[indicator] - children[indicator], 0, 99);
                Assert.Equal(0, province[indicator] % 100);
            }
            else
            {
                Assert.Equal(children[indicator], province[indicator]);
            }
        }
    }

    private sealed record Row(string Period, string Unit, string Indicator, decimal Value)
    {
        public int Year => int.Parse(Period[..4], CultureInfo.InvariantCulture);
    }

    private sealed record Link(string OldCode, bool IsPartial);

    /// <summary>The unit codes the unit files put in force before and after 1/7/2025.</summary>
    private sealed record UnitSets(
        string Province, Dictionary<string, List<string>> Districts, Dictionary<string, List<Link>> Merges)
    {
        public List<string> OldCommunes => [.. Districts.Values.SelectMany(communes => communes)];

        public List<string> NewCommunes => [.. Merges.Keys];

        public List<string> OldUnits => [Province, .. Districts.Keys, .. OldCommunes];

        public List<string> NewUnits => [Province, .. NewCommunes];

        public static UnitSets Read(DemoUnitFiles files)
        {
            using var unitList = JsonDocument.Parse(files.UnitListJson);
            using var merges = JsonDocument.Parse(files.MergesJson);
            var province = unitList.RootElement.GetProperty("data")[0];
            var merged = merges.RootElement.GetProperty("data")[0];
            return new UnitSets(
                Text(province, "level1_id"),
                province.GetProperty("level2s").EnumerateArray().ToDictionary(
                    district => Text(district, "level2_id"),
                    district => district.GetProperty("level3s").EnumerateArray().Select(commune => Text(commune, "level3_id")).ToList()),
                merged.GetProperty("level2s").EnumerateArray().ToDictionary(
                    commune => Text(commune, "level2_id"),
                    commune => commune.GetProperty("merges").EnumerateArray()
                        .Select(link => new Link(Text(link, "old_id"), Text(link, "type") == "partial"))
                        .ToList()));
        }

        private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
    }

    private sealed record Feed(UnitSets Units, List<Row> Targets, List<Row> Actuals)
    {
        private readonly Dictionary<(int, string), Dictionary<string, decimal>> targetsByUnit = Targets
            .GroupBy(row => (row.Year, row.Unit))
            .ToDictionary(group => group.Key, group => group.ToDictionary(row => row.Indicator, row => row.Value));

        public Dictionary<string, decimal> TargetsOf(int year, string unit) => targetsByUnit[(year, unit)];

        public static Feed Read(DemoUnitOptions units, DemoCoverageFiles files) =>
            new(UnitSets.Read(DemoUnitGenerator.Generate(units)), Rows(files.TargetsCsv), Rows(files.ActualsCsv));

        private static List<Row> Rows(string csv) =>
            [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line =>
            {
                var cells = line.Split(',');
                Assert.Equal(4, cells.Length);
                return new Row(cells[0], cells[1], cells[2], decimal.Parse(cells[3], NumberStyles.Number, CultureInfo.InvariantCulture));
            })];
    }
}
