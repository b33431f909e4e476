using System.Text.Json;
using System.Text.Json.Serialization;
using BaoPhu.Platform.Text;

namespace BaoPhu.Bench;

/// <summary>A row of <c>units_unit</c> as the import leaves it.</summary>
internal sealed record UnitRow(
    Guid Id, string Code, string Name, string TypeName, string Level, Guid? ParentId, string Path, DateOnly? ValidFrom, DateOnly? ValidTo, string SearchText);

/// <summary>A row of <c>units_lineage_link</c> as the import leaves it (no shares set).</summary>
internal sealed record LinkRow(Guid Id, Guid FromUnitId, Guid ToUnitId, string Kind, DateOnly EffectiveOn);

/// <summary>
/// The rows the full national import ends with, read straight from the files: every unit of the
/// 2025-03-01 list (ended by the merger), every unit the merger creates, and a link per predecessor
/// (an old province, district or commune: codes of each level differ in length, so one map holds them).
/// No validation and no database reads: the least work that yields the same rows.
/// </summary>
internal sealed record NationalUnitRows(IReadOnlyList<UnitRow> Units, IReadOnlyList<LinkRow> Links)
{
    public static NationalUnitRows Read(NationalImportFiles files)
    {
        var units = new List<UnitRow>();
        var oldIds = new Dictionary<string, Guid>();
        var mergerOn = NationalImportFiles.MergerOn;

        UnitRow Add(string code, string name, string type, string level, UnitRow? parent, DateOnly? validFrom, DateOnly? validTo)
        {
            var clean = VietnameseText.Clean(name);
            var row = new UnitRow(Guid.CreateVersion7(), code, clean, VietnameseText.Clean(type), level, parent?.Id,
                (parent?.Path ?? "/") + code + "/", validFrom, validTo, VietnameseText.Fold(clean));
            units.Add(row);
            return row;
        }

        foreach (var province in Deserialize<UnitList>(files.UnitList).Data)
        {
            var p = Add(province.Code, province.Name, province.Type, "Province", null, null, mergerOn);
            oldIds[p.Code] = p.Id;
            foreach (var district in province.Districts)
            {
                var d = Add(district.Code, district.Name, district.Type, "District", p, null, mergerOn);
                oldIds[d.Code] = d.Id;
                foreach (var commune in district.Communes)
                {
                    oldIds[commune.Code] = Add(commune.Code, commune.Name, commune.Type, "Commune", d, null, mergerOn).Id;
                }
            }
        }

        var links = new List<LinkRow>();
        void Link(IEnumerable<Merge> merges, UnitRow to) =>
            links.AddRange(merges.Select(m => new LinkRow(Guid.CreateVersion7(), oldIds[m.OldId], to.Id, m.Type == "partial" ? "Partial" : "Full", mergerOn)));

        foreach (var province in Deserialize<Merger>(files.Merges).Data)
        {
            var p = Add(province.Code, province.Name, TypeOf(province.Name), "Province", null, mergerOn, null);
            Link(province.Merges, p);
            foreach (var commune in province.Communes)
            {
                Link(commune.Merges, Add(commune.Code, commune.Name, TypeOf(commune.Name), "Commune", p, mergerOn, null));
            }
        }

        return new NationalUnitRows(units, links);
    }

    /// <summary>The merger file has no type field; its names begin with one. Close enough for a baseline's row sizes.</summary>
    private static string TypeOf(string name) =>
        name.StartsWith("Thành phố ", StringComparison.Ordinal) ? "Thành phố" : name[..Math.Max(0, name.IndexOf(' ', StringComparison.Ordinal))];

    private static T Deserialize<T>(string file)
    {
        using var stream = File.OpenRead(file);
        return JsonSerializer.Deserialize<T>(stream) ?? throw new InvalidDataException($"{file} is empty.");
    }

    private sealed record UnitList([property: JsonPropertyName("data")] List<Province> Data);

    private sealed record Province(
        [property: JsonPropertyName("level1_id")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("level2s")] List<District> Districts);

    private sealed record District(
        [property: JsonPropertyName("level2_id")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("level3s")] List<Commune> Communes);

    private sealed record Commune(
        [property: JsonPropertyName("level3_id")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type);

    private sealed record Merger([property: JsonPropertyName("data")] List<NewProvince> Data);

    private sealed record NewProvince(
        [property: JsonPropertyName("level1_id")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("merges")] List<Merge> Merges,
        [property: JsonPropertyName("level2s")] List<NewCommune> Communes);

    private sealed record NewCommune(
        [property: JsonPropertyName("level2_id")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("merges")] List<Merge> Merges);

    private sealed record Merge(
        [property: JsonPropertyName("old_id")] string OldId,
        [property: JsonPropertyName("type")] string Type);
}
