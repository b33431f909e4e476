using System.Text;
using System.Text.Json;

namespace BaoPhu.Demo.Generation;

/// <summary>
/// Reads the generated files back the way an importer would and checks the rules the real data
/// obeys. Independent of the generator's own model, so it cannot share the generator's mistakes.
/// </summary>
internal static class DemoUnitValidator
{
    private static readonly string[] OldCommuneTypes = [UnitTypes.Commune, UnitTypes.Ward, UnitTypes.Township];
    private static readonly string[] NewCommuneTypes = [UnitTypes.Commune, UnitTypes.Ward];
    private static readonly string[] LinkTypes = ["full", "partial"];

    public static void EnsureValid(DemoUnitFiles files, DemoUnitOptions options)
    {
        var problems = Problems(files, options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The demo generator produced invalid files:\n" + string.Join('\n', problems));
        }
    }

    public static List<string> Problems(DemoUnitFiles files, DemoUnitOptions options)
    {
        var problems = new List<string>();
        foreach (var (fileName, text) in new[]
        {
            (DemoUnitFiles.UnitListFileName, files.UnitListJson),
            (DemoUnitFiles.MergesFileName, files.MergesJson),
            (DemoUnitFiles.ProvincesFileName, files.ProvincesCsv),
        })
        {
            // BaoPhu stores names in NFC; a decomposed letter would make a second, unfindable spelling.
            if (!text.IsNormalized(NormalizationForm.FormC))
            {
                problems.Add($"{fileName} is not in Unicode NFC.");
            }
        }

        try
        {
            var oldCommunes = CheckUnitList(files.UnitListJson, options, problems);
            CheckMerges(files.MergesJson, options.ProvinceCode, oldCommunes, problems);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"A JSON file does not have the real files' shape: {exception.Message}");
        }

        CheckProvinces(files.ProvincesCsv, options.ProvinceCode, problems);
        return problems;
    }

    /// <summary>Checks the unit list and returns its communes by code, with their district's position.</summary>
    private static Dictionary<string, (string Name, int District)> CheckUnitList(
        string json, DemoUnitOptions options, List<string> problems)
    {
        using var document = JsonDocument.Parse(json);
        var province = SingleProvince(document, options.ProvinceCode, problems);
        Expect(Text(province, "type") == UnitTypes.Province, "The province's type is not \"Tỉnh\".", problems);

        var districts = province.GetProperty("level2s").EnumerateArray().ToList();
        Expect(districts.Count == options.Districts, $"Expected {options.Districts} districts, found {districts.Count}.", problems);
        ExpectUnique("district code", districts.Select(district => Text(district, "level2_id")), problems);
        ExpectUnique("district name", districts.Select(district => Text(district, "name")), problems);

        var communes = new Dictionary<string, (string Name, int District)>(StringComparer.Ordinal);
        var names = new List<string>();
        for (var index = 0; index < districts.Count; index++)
        {
            var district = districts[index];
            var code = Text(district, "level2_id");
            Expect(IsCode(code, 3, options.ProvinceCode), $"District code {code} is not 3 digits in the province's block.", problems);
            var level3s = district.GetProperty("level3s").EnumerateArray().ToList();
            Expect(
                level3s.Count >= options.MinCommunesPerDistrict && level3s.Count <= options.MaxCommunesPerDistrict,
                $"District {code} has {level3s.Count} communes.",
                problems);
            var townships = level3s.Count(commune => Text(commune, "type") == UnitTypes.Township);
            Expect(
                townships == (Text(district, "type") == UnitTypes.RuralDistrict ? 1 : 0),
                $"District {code} has {townships} townships.",
                problems);

            foreach (var commune in level3s)
            {
                var communeCode = Text(commune, "level3_id");
                var name = Text(commune, "name");
                Expect(IsCode(communeCode, 5, options.ProvinceCode), $"Commune code {communeCode} is malformed.", problems);
                ExpectTyped(name, Text(commune, "type"), OldCommuneTypes, problems);
                Expect(communes.TryAdd(communeCode, (name, index)), $"Commune code {communeCode} is used twice.", problems);
                names.Add(name);
            }
        }

        ExpectUnique("old commune name", names, problems);
        return communes;
    }

    private static void CheckMerges(
        string json, string provinceCode, Dictionary<string, (string Name, int District)> oldCommunes, List<string> problems)
    {
        using var document = JsonDocument.Parse(json);
        var province = SingleProvince(document, provinceCode, problems);
        var provinceMerges = province.GetProperty("merges").EnumerateArray().ToList();
        Expect(
            provinceMerges is [var self] && Text(self, "old_id") == provinceCode && Text(self, "type") == "full",
            "The province does not take exactly itself, whole.",
            problems);

        var newCommunes = province.GetProperty("level2s").EnumerateArray().ToList();
        ExpectUnique("new commune code", newCommunes.Select(commune => Text(commune, "level2_id")), problems);
        ExpectUnique("new commune name", newCommunes.Select(commune => Text(commune, "name")), problems);

        var linkTypesByOldCode = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var commune in newCommunes)
        {
            var code = Text(commune, "level2_id");
            var name = Text(commune, "name");
            Expect(IsCode(code, 5, provinceCode), $"New commune code {code} is malformed.", problems);
            ExpectTyped(name, name.Split(' ')[0], NewCommuneTypes, problems);

            var districts = new List<int>();
            foreach (var link in commune.GetProperty("merges").EnumerateArray())
            {
                var oldCode = Text(link, "old_id");
                var type = Text(link, "type");
                Expect(LinkTypes.Contains(type), $"Link {code} ← {oldCode} has type \"{type}\".", problems);
                if (!oldCommunes.TryGetValue(oldCode, out var old))
                {
                    problems.Add($"New commune {code} takes {oldCode}, which is no old commune.");
                    continue;
                }

                Expect(Text(link, "name") == old.Name, $"Link {code} ← {oldCode} misnames the old commune.", problems);
                districts.Add(old.District);
                AddToList(linkTypesByOldCode, oldCode, type);
            }

            Expect(districts.Count > 0, $"New commune {code} takes no old commune.", problems);
            Expect(
                districts.Count == 0 || districts.Max() - districts.Min() <= 1,
                $"New commune {code} takes old communes from districts that are not neighbours.",
                problems);
        }

        foreach (var oldCode in oldCommunes.Keys)
        {
            if (!linkTypesByOldCode.TryGetValue(oldCode, out var types))
            {
                problems.Add($"Old commune {oldCode} goes to no new commune.");
                continue;
            }

            // In the real data one link is always full, and several links are always all partial.
            var expected = types.Count == 1 ? "full" : "partial";
            Expect(types.All(type => type == expected), $"Old commune {oldCode} has {types.Count} links that are not all {expected}.", problems);
        }
    }

    private static void CheckProvinces(string csv, string provinceCode, List<string> problems)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Expect(
            lines is [DemoUnitWriter.ProvincesHeader, var row]
                && row.Split(',') is ["1", var code, var name]
                && code == provinceCode
                && $"{UnitTypes.Province} {name}" == DemoProvince.Name,
            "The provinces CSV is not the real header followed by the demo province.",
            problems);
    }

    private static JsonElement SingleProvince(JsonDocument document, string provinceCode, List<string> problems)
    {
        var province = document.RootElement.GetProperty("data").EnumerateArray().Single();
        Expect(Text(province, "level1_id") == provinceCode, "The province code is not the one asked for.", problems);
        Expect(Text(province, "name").Contains("(DEMO)", StringComparison.Ordinal), "The province is not marked (DEMO).", problems);
        return province;
    }

    private static void AddToList(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var values))
        {
            map[key] = values = [];
        }

        values.Add(value);
    }

    private static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"\"{property}\" is null.");

    private static bool IsCode(string code, int length, string provinceCode) =>
        code.Length == length && code.All(char.IsAsciiDigit) && code.StartsWith(provinceCode, StringComparison.Ordinal);

    private static void ExpectTyped(string name, string type, string[] allowedTypes, List<string> problems) =>
        Expect(
            allowedTypes.Contains(type) && name.StartsWith(type + " ", StringComparison.Ordinal),
            $"\"{name}\" does not start with one of its allowed type words.",
            problems);

    private static void ExpectUnique(string what, IEnumerable<string> values, List<string> problems)
    {
        foreach (var duplicate in values.GroupBy(value => value, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"The {what} {duplicate.Key} occurs {duplicate.Count()} times.");
        }
    }

    private static void Expect(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
