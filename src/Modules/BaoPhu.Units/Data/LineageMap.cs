using System.Collections.Concurrent;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Domain;

namespace BaoPhu.Units.Data;

internal sealed class LineageMap : ILineageMap
{
    private readonly LineagePaths paths;
    private readonly Dictionary<Guid, (string Code, UnitLevel Level)> identity;
    private readonly Dictionary<(string Code, UnitLevel Level), Guid> inForceByCode;
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<(Guid UnitId, decimal Share)>> destinations = new();

    public LineageMap(DateOnly on, IReadOnlyList<AdministrativeUnit> all, IReadOnlyList<LinkShare> links)
    {
        On = on;
        var validity = all.ToDictionary(u => u.Id, u => new UnitValidity(u.ValidFrom, u.ValidTo));
        paths = new LineagePaths(on, validity, links);
        identity = all.ToDictionary(u => u.Id, u => (u.Code, u.Level));
        var inForce = all.Where(u => u.IsInForceOn(on)).OrderBy(u => u.Path.Length).ThenBy(u => u.Path, StringComparer.Ordinal).ToList();
        Units = inForce.Select(UnitDirectory.ToRef).ToList();
        inForceByCode = inForce.GroupBy(u => (u.Code, u.Level)).ToDictionary(g => g.Key, g => g.First().Id);
    }

    public DateOnly On { get; }

    public IReadOnlyList<UnitRef> Units { get; }

    public IReadOnlyList<(Guid UnitId, decimal Share)> Destinations(Guid unitId) => destinations.GetOrAdd(unitId, Compute);

    private IReadOnlyList<(Guid UnitId, decimal Share)> Compute(Guid unitId)
    {
        if (!identity.TryGetValue(unitId, out var id))
        {
            return [];
        }

        var outcome = paths.Reattribute(new Dictionary<Guid, decimal> { [unitId] = 1m });
        var placed = outcome.Placed.Select(p => (p.Key, p.Value)).ToList();
        foreach (var (lost, share) in outcome.Unplaced)
        {
            var (code, level) = identity[lost];
            if (inForceByCode.TryGetValue((code, level), out var continued))
            {
                placed.Add((continued, share));
            }
        }

        return placed.GroupBy(p => p.Key).Select(g => (g.Key, g.Sum(p => p.Value))).ToList();
    }
}
