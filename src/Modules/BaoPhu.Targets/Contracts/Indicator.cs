using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaoPhu.Targets.Contracts;

/// <summary>
/// How an indicator's value comes about. Counts are stored and roll up from children to parents;
/// rates and growth are derived from unrounded counts at read time and never summed; an index
/// (a survey result such as satisfaction) has no counts behind it, so it is sent as a percent.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))]
public enum IndicatorKind
{
    [JsonStringEnumMemberName("count")]
    Count,

    [JsonStringEnumMemberName("rate")]
    Rate,

    [JsonStringEnumMemberName("growth")]
    Growth,

    [JsonStringEnumMemberName("index")]
    Index,
}

/// <param name="Numerator">For a rate: the counts added up over the denominator.</param>
/// <param name="Of">For growth: the count compared with the previous year.</param>
/// <param name="DerivedFrom">For a derived count: the count it starts from, less <paramref name="Less"/>.</param>
/// <param name="Adjustment">A count that only adjusts another (the labour force), not shown on its own card.</param>
public sealed record Indicator(
    string Code,
    IndicatorKind Kind,
    string NameVi,
    string NameEn,
    string Source,
    IReadOnlyList<string>? Numerator = null,
    string? Denominator = null,
    string? Of = null,
    string? DerivedFrom = null,
    IReadOnlyList<string>? Less = null,
    bool Adjustment = false)
{
    /// <summary>Stored from feeds and rolled up: counts (derived ones included, when sent) and indexes.</summary>
    [JsonIgnore]
    public bool IsStored => Kind is IndicatorKind.Count or IndicatorKind.Index;

    /// <summary>Shown in percent.</summary>
    [JsonIgnore]
    public bool IsPercent => Kind is not IndicatorKind.Count;

    public string Name(bool english) => english ? NameEn : NameVi;
}

/// <summary>The indicator codes of FEEDS.md, read from the embedded <c>indicators.json</c>.</summary>
public sealed class IndicatorCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Indicator> byCode;

    public IndicatorCatalog(IReadOnlyList<Indicator> indicators)
    {
        All = indicators;
        byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            var references = (indicator.Numerator ?? []).Append(indicator.Denominator).Append(indicator.Of).Append(indicator.DerivedFrom)
                .Concat(indicator.Less ?? []).OfType<string>();
            foreach (var code in references.Where(c => !byCode.ContainsKey(c)))
            {
                throw new InvalidOperationException($"Indicator {indicator.Code} refers to unknown indicator {code}.");
            }
        }
    }

    public static IndicatorCatalog Standard { get; } = Load();

    public IReadOnlyList<Indicator> All { get; }

    public Indicator? Find(string code) => byCode.GetValueOrDefault(code);

    public Indicator this[string code] => byCode[code];

    private static IndicatorCatalog Load()
    {
        using var stream = typeof(IndicatorCatalog).Assembly.GetManifestResourceStream("BaoPhu.Targets.indicators.json")
            ?? throw new InvalidOperationException("The indicator catalogue is missing from the assembly.");
        var indicators = JsonSerializer.Deserialize<List<Indicator>>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The indicator catalogue is empty.");
        return new IndicatorCatalog(indicators);
    }
}
