using System.Text;
using System.Text.Json;
using BaoPhu.Demo.Generation;

namespace BaoPhu.Demo.Tests;

/// <summary>
/// The demo province is read by the same importers as the real reference files, so these tests
/// read it back in the real files' shape rather than trusting the generator's own model.
/// </summary>
public sealed class DemoUnitGeneratorTests
{
    private static readonly DemoUnitFiles Defaults = DemoUnitGenerator.Generate(new DemoUnitOptions());

    [Fact]
    public void Generate_WhenCalledTwiceWithSameSeed_ProducesIdenticalFiles()
    {
        var again = DemoUnitGenerator.Generate(new DemoUnitOptions());

        Assert.Equal(Defaults, again);
    }

    [Fact]
    public void Generate_WhenSeedsDiffer_ProducesDifferentUnits()
    {
        var other = DemoUnitGenerator.Generate(new DemoUnitOptions(Seed: 7));

        Assert.NotEqual(Defaults.UnitListJson, other.UnitListJson);
        Assert.NotEqual(Defaults.MergesJson, other.MergesJson);
    }

    [Fact]
    public void Generate_WithDefaults_UnitListHasRealFileShapeAndSizes()
    {
        var province = Parse(Defaults);

        Assert.Equal("99", province.Code);
        Assert.Equal("Tỉnh", province.Type);
        Assert.Equal(8, province.Districts.Count);
        Assert.Equal(
            ["Thành phố", "Thị xã", "Huyện", "Huyện", "Huyện", "Huyện", "Huyện", "Huyện"],
            province.Districts.Select(district => district.Type));
        Assert.All(province.Districts, district =>
        {
            Assert.Matches("^99[0-9]$", district.Code);
            Assert.InRange(district.Communes.Count, 10, 18);
            Assert.All(district.Communes, commune => Assert.Matches("^99[0-9]{3}$", commune.Code));
            Assert.StartsWith(district.Type + " ", district.Name, StringComparison.Ordinal);
        });
        Assert.InRange(province.OldCommunes.Count(), 80, 144);
        AssertUnique(province.Districts.Select(district => district.Code));
        AssertUnique(province.OldCommunes.Select(commune => commune.Code));
    }

    [Fact]
    public void Generate_WithDefaults_CityIsMostlyWardsAndEachRuralDistrictHasOneTownship()
    {
        var province = Parse(Defaults);

        var city = province.Districts[0];
        Assert.True(city.Communes.Count(commune => commune.Type == "Phường") * 2 > city.Communes.Count);
        Assert.All(
            province.Districts.Where(district => district.Type == "Huyện"),
            district => Assert.Single(district.Communes, commune => commune.Type == "Thị trấn"));
    }

    [Fact]
    public void Generate_WithDefaults_MergesRoughlyThreeOldCommunesIntoEachNewOne()
    {
        var province = Parse(Defaults);

        Assert.InRange(province.NewCommunes.Count, 25, 45);
        Assert.All(province.NewCommunes, commune =>
        {
            Assert.Matches("^99[0-9]{3}$", commune.Code);
            Assert.Matches("^(Xã|Phường) ", commune.Name);
            Assert.NotEmpty(commune.Links);
        });
        AssertUnique(province.NewCommunes.Select(commune => commune.Code));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(-3)]
    [InlineData(987654)]
    public void Generate_ForAnySeed_MapsEveryOldCommuneToExistingNewCommunes(int seed)
    {
        var province = Parse(DemoUnitGenerator.Generate(new DemoUnitOptions(Seed: seed)));

        var oldCodes = province.OldCommunes.Select(commune => commune.Code).ToHashSet();
        var linked = province.NewCommunes.SelectMany(commune => commune.Links).Select(link => link.OldCode).ToHashSet();
        Assert.Equal(oldCodes.Order(), linked.Order());
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(-3)]
    [InlineData(987654)]
    public void Generate_ForAnySeed_SplitOldCommunesHaveOnlyPartialLinksAndOthersOneFullLink(int seed)
    {
        var province = Parse(DemoUnitGenerator.Generate(new DemoUnitOptions(Seed: seed)));

        foreach (var links in LinksByOldCode(province))
        {
            var expected = links.Count == 1 ? "full" : "partial";
            Assert.All(links, link => Assert.Equal(expected, link.Type));
        }
    }

    [Fact]
    public void Generate_WithDefaults_SplitsAboutOneOldCommuneInTen()
    {
        var province = Parse(Defaults);

        var splits = LinksByOldCode(province).Count(links => links.Count > 1);
        Assert.InRange(splits, 1, province.OldCommunes.Count() / 5);
    }

    [Fact]
    public void Generate_WithDefaults_NewCommunesReuseOldCodesForDifferentTerritory()
    {
        var province = Parse(Defaults);

        var oldCodes = province.OldCommunes.Select(commune => commune.Code).ToHashSet();
        var reused = province.NewCommunes.Where(commune => oldCodes.Contains(commune.Code)).ToList();
        Assert.NotEmpty(reused);

        // A reused code belongs to one of the old communes the new one took, never to a stranger's.
        Assert.All(reused, commune => Assert.Contains(commune.Code, commune.Links.Select(link => link.OldCode)));
        Assert.Contains(reused, commune => commune.Links.Count > 1);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(1)]
    [InlineData(42)]
    public void Generate_ForAnySeed_NewCommunesTakeOldCommunesOfOneOrTwoNeighbouringDistricts(int seed)
    {
        var province = Parse(DemoUnitGenerator.Generate(new DemoUnitOptions(Seed: seed)));

        var districtOf = province.Districts
            .SelectMany((district, index) => district.Communes.Select(commune => (commune.Code, index)))
            .ToDictionary(pair => pair.Code, pair => pair.index);
        Assert.All(province.NewCommunes, commune =>
        {
            var districts = commune.Links.Select(link => districtOf[link.OldCode]).ToList();
            Assert.InRange(districts.Max() - districts.Min(), 0, 1);
        });
    }

    [Fact]
    public void Generate_WithDefaults_LinksNameTheOldCommunesAsTheUnitListDoes()
    {
        var province = Parse(Defaults);

        var names = province.OldCommunes.ToDictionary(commune => commune.Code, commune => commune.Name);
        Assert.All(
            province.NewCommunes.SelectMany(commune => commune.Links),
            link => Assert.Equal(names[link.OldCode], link.Name));
    }

    [Fact]
    public void Generate_WithDefaults_NamesAreUniqueNfcAndVietnamese()
    {
        var province = Parse(Defaults);

        var names = province.Districts.Select(district => district.Name)
            .Concat(province.OldCommunes.Select(commune => commune.Name))
            .Concat(province.NewCommunes.Select(commune => commune.Name))
            .ToList();
        Assert.All(names, name => Assert.True(name.IsNormalized(NormalizationForm.FormC), name));
        Assert.True(Defaults.UnitListJson.IsNormalized(NormalizationForm.FormC));
        Assert.True(Defaults.MergesJson.IsNormalized(NormalizationForm.FormC));

        // Names are "type word + two syllables", and nearly all carry diacritics beyond the type word.
        var properNames = names.Select(name => string.Join(' ', name.Split(' ')[^2..])).ToList();
        Assert.True(properNames.Count(name => name.Any(c => c > '\u007f')) > properNames.Count * 4 / 5);

        AssertUnique(province.Districts.Select(district => district.Name));
        AssertUnique(province.OldCommunes.Select(commune => commune.Name));
        AssertUnique(province.NewCommunes.Select(commune => commune.Name));
    }

    [Fact]
    public void Generate_WithDefaults_WritesVietnameseLettersUnescaped()
    {
        Assert.Contains("\"name\": \"Tỉnh Sông Hồng Mẫu (DEMO)\"", Defaults.UnitListJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", Defaults.UnitListJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", Defaults.MergesJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_WithDefaults_MarksTheProvinceAsDemoInEveryFile()
    {
        var province = Parse(Defaults);

        Assert.Equal("Tỉnh Sông Hồng Mẫu (DEMO)", province.Name);
        Assert.Equal(province.Name, province.MergedName);
        Assert.Equal(
            ["Stt,Mã số,Tên 34 tỉnh sau sáp nhập", "1,99,Sông Hồng Mẫu (DEMO)"],
            Defaults.ProvincesCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Generate_WithDefaults_ProvinceTakesOnlyItselfInTheMerger()
    {
        var province = Parse(Defaults);

        var link = Assert.Single(province.ProvinceLinks);
        Assert.Equal(("99", "full"), (link.OldCode, link.Type));
    }

    [Fact]
    public void Generate_WithAnotherProvinceCode_NumbersEveryUnitInThatBlock()
    {
        var province = Parse(DemoUnitGenerator.Generate(new DemoUnitOptions(ProvinceCode: "98", Districts: 3)));

        Assert.Equal("98", province.Code);
        Assert.Equal(["980", "981", "982"], province.Districts.Select(district => district.Code));
        Assert.All(province.OldCommunes, commune => Assert.StartsWith("98", commune.Code, StringComparison.Ordinal));
        Assert.All(province.NewCommunes, commune => Assert.StartsWith("98", commune.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_WithSmallestSizes_StillProducesAValidMerger()
    {
        var province = Parse(DemoUnitGenerator.Generate(
            new DemoUnitOptions(Districts: 1, MinCommunesPerDistrict: 2, MaxCommunesPerDistrict: 2)));

        Assert.Equal(2, province.OldCommunes.Count());
        Assert.NotEmpty(province.NewCommunes);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("999")]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData("٩٩")]
    public void Generate_WhenProvinceCodeIsNotTwoDigits_ThrowsArgumentException(string code)
    {
        var exception = Assert.Throws<ArgumentException>(
            () => DemoUnitGenerator.Generate(new DemoUnitOptions(ProvinceCode: code)));

        Assert.Contains("two", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0, 10, 18)]
    [InlineData(11, 10, 18)]
    [InlineData(8, 1, 18)]
    [InlineData(8, 12, 10)]
    [InlineData(8, 10, 31)]
    public void Generate_WhenSizesAreOutOfRange_ThrowsArgumentException(int districts, int min, int max)
    {
        Assert.ThrowsAny<ArgumentException>(
            () => DemoUnitGenerator.Generate(new DemoUnitOptions(Districts: districts, MinCommunesPerDistrict: min, MaxCommunesPerDistrict: max)));
    }

    [Fact]
    public void WriteTo_WhenDirectoryIsMissing_CreatesItWithTheRealFileNamesInUtf8WithoutBom()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baophu-demo-" + Path.GetRandomFileName(), "units");
        try
        {
            Defaults.WriteTo(directory);

            foreach (var (fileName, text) in new[]
            {
                ("dvhcvn-2025-03-01.json", Defaults.UnitListJson),
                ("2025-07-01-merges.json", Defaults.MergesJson),
                ("2025-07-01-provinces.csv", Defaults.ProvincesCsv),
            })
            {
                var bytes = File.ReadAllBytes(Path.Combine(directory, fileName));
                Assert.Equal(new UTF8Encoding(false).GetBytes(text), bytes);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    private static List<List<ParsedLink>> LinksByOldCode(ParsedProvince province) =>
        [.. province.NewCommunes
            .SelectMany(commune => commune.Links)
            .GroupBy(link => link.OldCode, StringComparer.Ordinal)
            .Select(group => group.ToList())];

    private static void AssertUnique(IEnumerable<string> values)
    {
        var list = values.ToList();
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
    }

    // Reads only what an importer of the real files reads: "data" and the documented properties.
    private static ParsedProvince Parse(DemoUnitFiles files)
    {
        using var unitList = JsonDocument.Parse(files.UnitListJson);
        using var merges = JsonDocument.Parse(files.MergesJson);
        var province = Assert.Single(unitList.RootElement.GetProperty("data").EnumerateArray());
        var merged = Assert.Single(merges.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(Text(province, "level1_id"), Text(merged, "level1_id"));

        var districts = province.GetProperty("level2s").EnumerateArray()
            .Select(district => new ParsedDistrict(
                Text(district, "level2_id"),
                Text(district, "name"),
                Text(district, "type"),
                [.. district.GetProperty("level3s").EnumerateArray().Select(commune => new ParsedCommune(
                    Text(commune, "level3_id"), Text(commune, "name"), Text(commune, "type")))]))
            .ToList();
        var newCommunes = merged.GetProperty("level2s").EnumerateArray()
            .Select(commune => new ParsedNewCommune(
                Text(commune, "level2_id"), Text(commune, "name"), Links(commune)))
            .ToList();

        return new ParsedProvince(
            Text(province, "level1_id"),
            Text(province, "name"),
            Text(province, "type"),
            Text(merged, "name"),
            Links(merged),
            districts,
            newCommunes);
    }

    private static List<ParsedLink> Links(JsonElement unit) =>
        [.. unit.GetProperty("merges").EnumerateArray()
            .Select(link => new ParsedLink(Text(link, "old_id"), Text(link, "name"), Text(link, "type")))];

    private static string Text(JsonElement element, string property)
    {
        var value = element.GetProperty(property).GetString();
        Assert.NotNull(value);
        return value;
    }

    private sealed record ParsedProvince(
        string Code,
        string Name,
        string Type,
        string MergedName,
        List<ParsedLink> ProvinceLinks,
        List<ParsedDistrict> Districts,
        List<ParsedNewCommune> NewCommunes)
    {
        public IEnumerable<ParsedCommune> OldCommunes => Districts.SelectMany(district => district.Communes);
    }

    private sealed record ParsedDistrict(string Code, string Name, string Type, List<ParsedCommune> Communes);

    private sealed record ParsedCommune(string Code, string Name, string Type);

    private sealed record ParsedNewCommune(string Code, string Name, List<ParsedLink> Links);

    private sealed record ParsedLink(string OldCode, string Name, string Type);
}
