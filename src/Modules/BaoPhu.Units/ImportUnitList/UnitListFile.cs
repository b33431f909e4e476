using System.Text.Json;
using System.Text.Json.Serialization;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Domain;

namespace BaoPhu.Units.ImportUnitList;

/// <summary>
/// A unit list in the shape of the GSO list as published by dvhcvn: provinces (<c>level1_id</c>) →
/// districts (<c>level2_id</c>) → communes (<c>level3_id</c>).
/// </summary>
internal sealed record UnitListFile(IReadOnlyList<ListedUnit> Provinces)
{
    public static UnitListFile Read(string file)
    {
        var document = JsonFiles.Read<Document>(file);
        var problems = new List<UnitImportProblem>();
        var codes = new HashSet<string>();
        var provinces = new List<ListedUnit>();
        if (document.Data is null or { Count: 0 })
        {
            problems.Add(new("data", "không có tỉnh nào trong mảng 'data'", "no province in the 'data' array"));
        }

        var data = document.Data ?? [];
        for (var p = 0; p < data.Count; p++)
        {
            var province = data[p];
            var at = $"data[{p}]";
            var districts = new List<ListedUnit>();
            var level2s = province.Level2s ?? [];
            for (var d = 0; d < level2s.Count; d++)
            {
                var district = level2s[d];
                var dat = $"{at}.level2s[{d}]";
                var communes = new List<ListedUnit>();
                var level3s = district.Level3s ?? [];
                for (var c = 0; c < level3s.Count; c++)
                {
                    var commune = level3s[c];
                    communes.Add(Check($"{dat}.level3s[{c}]", "level3_id", commune.Level3Id, commune.Name, commune.Type, UnitLevel.Commune, [], problems, codes));
                }

                districts.Add(Check(dat, "level2_id", district.Level2Id, district.Name, district.Type, UnitLevel.District, communes, problems, codes));
            }

            provinces.Add(Check(at, "level1_id", province.Level1Id, province.Name, province.Type, UnitLevel.Province, districts, problems, codes));
        }

        if (problems.Count > 0)
        {
            throw new UnitImportException(file, problems);
        }

        return new UnitListFile(provinces);
    }

    private static ListedUnit Check(
        string at, string codeField, string? code, string? name, string? type, UnitLevel level,
        IReadOnlyList<ListedUnit> children, List<UnitImportProblem> problems, HashSet<string> codes)
    {
        if (!UnitCodes.IsValid(code, level))
        {
            problems.Add(new($"{at}.{codeField}",
                $"mã '{code}' không hợp lệ: cần {UnitCodes.LengthOf(level)} chữ số",
                $"code '{code}' is not valid: {UnitCodes.LengthOf(level)} digits expected"));
        }
        else if (!codes.Add(code!))
        {
            problems.Add(new($"{at}.{codeField}", $"mã '{code}' bị trùng", $"code '{code}' appears twice"));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new($"{at}.name", "thiếu tên đơn vị", "the unit has no name"));
        }

        if (string.IsNullOrWhiteSpace(type))
        {
            problems.Add(new($"{at}.type", "thiếu loại đơn vị", "the unit has no type"));
        }

        return new ListedUnit(code ?? "", name ?? "", type ?? "", level, children);
    }

    private sealed record Document([property: JsonPropertyName("data")] List<Province>? Data);

    private sealed record Province(
        [property: JsonPropertyName("level1_id")] string? Level1Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("level2s")] List<District>? Level2s);

    private sealed record District(
        [property: JsonPropertyName("level2_id")] string? Level2Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("level3s")] List<Commune>? Level3s);

    private sealed record Commune(
        [property: JsonPropertyName("level3_id")] string? Level3Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("type")] string? Type);
}

internal sealed record ListedUnit(string Code, string Name, string Type, UnitLevel Level, IReadOnlyList<ListedUnit> Children);

/// <summary>Reads a JSON file, turning a syntax or shape error into an import problem with its line.</summary>
internal static class JsonFiles
{
    public static T Read<T>(string file)
    {
        if (!File.Exists(file))
        {
            throw new UnitImportException(file, [new("", "không tìm thấy tệp", "file not found")]);
        }

        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<T>(stream)
                ?? throw new UnitImportException(file, [new("", "tệp rỗng", "the file is empty")]);
        }
        catch (JsonException e)
        {
            var where = $"dòng / line {(e.LineNumber ?? 0) + 1}, {e.Path}";
            throw new UnitImportException(file, [new(where, "JSON không đúng cấu trúc", "malformed JSON or unexpected shape")]);
        }
    }
}
