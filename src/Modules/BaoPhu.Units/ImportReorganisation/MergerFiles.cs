using System.Text.Json.Serialization;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Domain;
using BaoPhu.Units.ImportUnitList;
using Sylvan.Data.Csv;

namespace BaoPhu.Units.ImportReorganisation;

/// <summary>
/// A merger as published for 1/7/2025: each new province lists the old provinces it took, each new
/// commune the old units it took, fully or partly; a CSV lists the new provinces with their codes.
/// </summary>
internal sealed record MergerFiles(IReadOnlyList<NewUnit> Provinces)
{
    public static MergerFiles Read(string mergesFile, string provincesFile)
    {
        var provinceList = ReadProvinceList(provincesFile);
        var document = JsonFiles.Read<Document>(mergesFile);
        var problems = new List<UnitImportProblem>();
        var provinces = new List<NewUnit>();
        var data = document.Data ?? [];
        if (data.Count == 0)
        {
            problems.Add(new("data", "không có tỉnh nào trong mảng 'data'", "no province in the 'data' array"));
        }

        var communeCodes = new HashSet<string>();
        for (var p = 0; p < data.Count; p++)
        {
            var province = data[p];
            var at = $"data[{p}]";
            var code = province.Level1Id ?? "";
            if (!UnitCodes.IsValid(code, UnitLevel.Province))
            {
                problems.Add(new($"{at}.level1_id", $"mã tỉnh '{code}' không hợp lệ", $"province code '{code}' is not valid"));
            }
            else if (!provinceList.Remove(code))
            {
                problems.Add(new($"{at}.level1_id",
                    $"tỉnh '{code}' không có trong {Path.GetFileName(provincesFile)}",
                    $"province '{code}' is not in {Path.GetFileName(provincesFile)}"));
            }

            var communes = new List<NewUnit>();
            var level2s = province.Level2s ?? [];
            for (var c = 0; c < level2s.Count; c++)
            {
                var commune = level2s[c];
                var cat = $"{at}.level2s[{c}]";
                if (!UnitCodes.IsValid(commune.Level2Id, UnitLevel.Commune))
                {
                    problems.Add(new($"{cat}.level2_id", $"mã xã '{commune.Level2Id}' không hợp lệ: cần 5 chữ số", $"commune code '{commune.Level2Id}' is not valid: 5 digits expected"));
                }
                else if (!communeCodes.Add(commune.Level2Id!))
                {
                    problems.Add(new($"{cat}.level2_id", $"mã xã '{commune.Level2Id}' bị trùng", $"commune code '{commune.Level2Id}' appears twice"));
                }

                communes.Add(new NewUnit(commune.Level2Id ?? "", Required(commune.Name, $"{cat}.name", problems), UnitLevel.Commune,
                    Predecessors(commune.Merges, cat, problems), []));
            }

            provinces.Add(new NewUnit(code, Required(province.Name, $"{at}.name", problems), UnitLevel.Province,
                Predecessors(province.Merges, at, problems), communes));
        }

        problems.AddRange(provinceList.Select(code => new UnitImportProblem(
            $"{Path.GetFileName(provincesFile)}: {code}",
            $"tỉnh '{code}' không có trong {Path.GetFileName(mergesFile)}",
            $"province '{code}' is missing from {Path.GetFileName(mergesFile)}")));

        if (problems.Count > 0)
        {
            throw new UnitImportException(mergesFile, problems);
        }

        return new MergerFiles(provinces);
    }

    /// <summary>The type a new unit's name begins with ("Phường Ba Đình" → "Phường").</summary>
    public static string TypeFromName(string name)
    {
        string[] types = ["Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu", "Thị trấn"];
        return types.FirstOrDefault(t => name.StartsWith(t + " ", StringComparison.Ordinal)) ?? "";
    }

    private static HashSet<string> ReadProvinceList(string file)
    {
        if (!File.Exists(file))
        {
            throw new UnitImportException(file, [new("", "không tìm thấy tệp", "file not found")]);
        }

        var problems = new List<UnitImportProblem>();
        var codes = new HashSet<string>();
        using var csv = CsvDataReader.Create(file, new CsvDataReaderOptions { HasHeaders = true });
        var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();

        // Columns are found by meaning, not position: the code column is "Mã số" (or "code").
        var codeColumn = headers.FindIndex(h => h.Contains("Mã", StringComparison.OrdinalIgnoreCase) || h.Contains("code", StringComparison.OrdinalIgnoreCase));
        if (codeColumn < 0)
        {
            throw new UnitImportException(file, [new("dòng / row 1", "không có cột mã tỉnh ('Mã số')", "no province code column ('Mã số')")]);
        }

        for (var row = 2; csv.Read(); row++)
        {
            var code = csv.GetString(codeColumn).Trim();
            var at = $"dòng / row {row}, cột / column {headers[codeColumn]}";
            if (!UnitCodes.IsValid(code, UnitLevel.Province))
            {
                problems.Add(new(at, $"mã tỉnh '{code}' không hợp lệ: cần 2 chữ số", $"province code '{code}' is not valid: 2 digits expected"));
            }
            else if (!codes.Add(code))
            {
                problems.Add(new(at, $"mã tỉnh '{code}' bị trùng", $"province code '{code}' appears twice"));
            }
        }

        if (problems.Count > 0)
        {
            throw new UnitImportException(file, problems);
        }

        return codes;
    }

    private static string Required(string? value, string at, List<UnitImportProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(at, "thiếu tên đơn vị", "the unit has no name"));
        }

        return value ?? "";
    }

    private static List<OldUnitLink> Predecessors(List<Merge>? merges, string at, List<UnitImportProblem> problems)
    {
        var links = new List<OldUnitLink>();
        if (merges is null or { Count: 0 })
        {
            problems.Add(new($"{at}.merges", "đơn vị mới không có đơn vị cũ nào", "the new unit takes no old unit"));
            return links;
        }

        for (var m = 0; m < merges.Count; m++)
        {
            var merge = merges[m];
            var mat = $"{at}.merges[{m}]";
            if (UnitCodes.LevelOf(merge.OldId) is null)
            {
                problems.Add(new($"{mat}.old_id", $"mã cũ '{merge.OldId}' không hợp lệ", $"old code '{merge.OldId}' is not valid"));
            }

            LinkKind? kind = merge.Type switch
            {
                "full" => LinkKind.Full,
                "partial" => LinkKind.Partial,
                _ => null,
            };
            if (kind is null)
            {
                problems.Add(new($"{mat}.type", $"loại '{merge.Type}' không hợp lệ: 'full' hoặc 'partial'", $"type '{merge.Type}' is not valid: 'full' or 'partial'"));
            }

            links.Add(new OldUnitLink(merge.OldId ?? "", kind ?? LinkKind.Full, mat));
        }

        return links;
    }

    private sealed record Document([property: JsonPropertyName("data")] List<Province>? Data);

    private sealed record Province(
        [property: JsonPropertyName("level1_id")] string? Level1Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("merges")] List<Merge>? Merges,
        [property: JsonPropertyName("level2s")] List<Commune>? Level2s);

    private sealed record Commune(
        [property: JsonPropertyName("level2_id")] string? Level2Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("merges")] List<Merge>? Merges);

    private sealed record Merge(
        [property: JsonPropertyName("old_id")] string? OldId,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("type")] string? Type);
}

internal sealed record NewUnit(string Code, string Name, UnitLevel Level, IReadOnlyList<OldUnitLink> Predecessors, IReadOnlyList<NewUnit> Children);

/// <param name="At">Where the link is written in the file, for error messages.</param>
internal sealed record OldUnitLink(string OldCode, LinkKind Kind, string At);
