using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BaoPhu.Demo.Generation;

/// <summary>Writes the demo province in the exact shapes of the real reference files.</summary>
internal static class DemoUnitWriter
{
    // The GSO unit list is indented by four spaces, the merger files by two; matching them keeps a
    // demo file and a real one diffable side by side.
    private const int UnitListIndent = 4;
    private const int MergesIndent = 2;

    // The state the real unit list describes; its importer may read it, so the demo claims the same.
    private const string UnitListDataDate = "01/03/2025";

    // The real header says "34 tỉnh" whatever the row count; an importer may match it literally.
    internal const string ProvincesHeader = "Stt,Mã số,Tên 34 tỉnh sau sáp nhập";

    public static string UnitList(DemoProvince province, int seed) => Json(UnitListIndent, writer =>
    {
        writer.WriteStartArray("data");
        writer.WriteStartObject();
        WriteUnit(writer, "level1_id", province.Code, DemoProvince.Name, UnitTypes.Province);
        writer.WriteStartArray("level2s");
        foreach (var district in province.Districts)
        {
            writer.WriteStartObject();
            WriteUnit(writer, "level2_id", district.Code, district.Name, district.Type);
            writer.WriteStartArray("level3s");
            foreach (var commune in district.Communes)
            {
                writer.WriteStartObject();
                WriteUnit(writer, "level3_id", commune.Code, commune.Name, commune.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteString("data_date", UnitListDataDate);
        WriteFooter(writer, seed, province.Districts.Count, province.OldCommunes.Count());
    });

    public static string Merges(DemoProvince province, int seed) => Json(MergesIndent, writer =>
    {
        writer.WriteStartArray("data");
        writer.WriteStartObject();
        writer.WriteString("level1_id", province.Code);
        writer.WriteString("name", DemoProvince.Name);

        // The demo province merged with nobody: it takes itself, whole.
        writer.WriteStartArray("merges");
        WriteLink(writer, province.Code, DemoProvince.Name, isPartial: false);
        writer.WriteEndArray();

        writer.WriteStartArray("level2s");
        foreach (var commune in province.NewCommunes)
        {
            writer.WriteStartObject();
            writer.WriteString("level2_id", commune.Code);
            writer.WriteString("name", commune.Name);
            writer.WriteStartArray("merges");
            foreach (var link in commune.Links)
            {
                WriteLink(writer, link.Old.Code, link.Old.Name, link.IsPartial);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();

        WriteFooter(writer, seed, province.NewCommunes.Count);
    });

    // Like the real file, the new name drops "Tỉnh " (a "Thành phố" would keep its word).
    public static string Provinces(DemoProvince province) =>
        $"{ProvincesHeader}\n1,{province.Code},{DemoProvince.ProperName}\n";

    private static void WriteUnit(Utf8JsonWriter writer, string idProperty, string code, string name, string type)
    {
        writer.WriteString(idProperty, code);
        writer.WriteString("name", name);
        writer.WriteString("type", type);
    }

    private static void WriteLink(Utf8JsonWriter writer, string oldCode, string oldName, bool isPartial)
    {
        writer.WriteStartObject();
        writer.WriteString("old_id", oldCode);
        writer.WriteString("name", oldName);
        writer.WriteString("type", isPartial ? "partial" : "full");
        writer.WriteEndObject();
    }

    // The real files end with counts per level; "demo" and "seed" say where this one came from and
    // how to make it again. Importers read only "data".
    private static void WriteFooter(Utf8JsonWriter writer, int seed, params ReadOnlySpan<int> levelCounts)
    {
        writer.WriteStartObject("stats");
        writer.WriteNumber("level1_count", 1);
        for (var level = 0; level < levelCounts.Length; level++)
        {
            writer.WriteNumber($"level{level + 2}_count", levelCounts[level]);
        }

        writer.WriteEndObject();
        writer.WriteBoolean("demo", true);
        writer.WriteNumber("seed", seed);
    }

    private static string Json(int indentSize, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = indentSize,

            // A fixed new line keeps the bytes identical on every OS; relaxed escaping writes
            // Vietnamese letters as themselves, as the real files do.
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
