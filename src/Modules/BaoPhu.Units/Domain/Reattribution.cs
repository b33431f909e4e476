namespace BaoPhu.Units.Domain;

/// <summary>
/// Moves counts attached to units of one period onto the units in force on another date, along
/// lineage links: forward (old → new) by each link's forward share, backward (new → old) by its
/// backward share. Without a set share, a unit's count is split equally among its links, minus
/// whatever the set shares already take. Totals are kept: nothing is rounded here.
/// </summary>
internal static class Reattribution
{
    private const decimal Tolerance = 0.000001m;

    public static ReattributionOutcome Reattribute(
        IReadOnlyDictionary<Guid, decimal> counts,
        DateOnly on,
        IReadOnlyDictionary<Guid, UnitValidity> validity,
        IReadOnlyList<LinkShare> links) =>
        new LineagePaths(on, validity, links).Reattribute(counts);

    /// <summary>The share each target takes of one unit's count; set shares first, the rest equally.</summary>
    public static IReadOnlyList<(Guid Target, decimal Share)> Split(IReadOnlyList<(Guid Target, decimal? Share)> links)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var set = links.Where(l => l.Share is not null).Sum(l => l.Share!.Value);
        var open = links.Count(l => l.Share is null);
        EnsureConsistent(set, open);
        var rest = open == 0 ? 0m : (1m - set) / open;
        return links.Select(l => (l.Target, l.Share ?? rest)).ToList();
    }

    /// <summary>Set shares may not exceed the whole, and must make it exactly when none is left open.</summary>
    public static void EnsureConsistent(decimal setTotal, int openLinks)
    {
        if (setTotal > 1m + Tolerance || (openLinks == 0 && Math.Abs(setTotal - 1m) > Tolerance))
        {
            throw new ShareException(setTotal);
        }
    }

}

/// <summary>
/// The lineage read once for one target date, so that many count sets can be re-attributed without
/// rebuilding the link lookups each time (a roll-up re-attributes one set per indicator and period).
/// </summary>
internal sealed class LineagePaths(DateOnly on, IReadOnlyDictionary<Guid, UnitValidity> validity, IReadOnlyList<LinkShare> links)
{
    private const int MaxSteps = 16;

    private readonly ILookup<Guid, LinkShare> outgoing = links.Where(l => l.EffectiveOn <= on).ToLookup(l => l.From);
    private readonly ILookup<Guid, LinkShare> incoming = links.Where(l => l.EffectiveOn > on).ToLookup(l => l.To);

    public ReattributionOutcome Reattribute(IReadOnlyDictionary<Guid, decimal> counts)
    {
        var current = new Dictionary<Guid, decimal>(counts);
        var placed = new Dictionary<Guid, decimal>();
        var unplaced = new Dictionary<Guid, decimal>();

        for (var step = 0; current.Count > 0; step++)
        {
            // Guards against a cycle in bad lineage data; real chains are one or two links long.
            if (step == MaxSteps)
            {
                throw new InvalidOperationException("Lineage links form a cycle; counts cannot be re-attributed.");
            }

            var next = new Dictionary<Guid, decimal>();
            foreach (var (unitId, count) in current)
            {
                var unit = validity[unitId];
                if (unit.IsInForceOn(on))
                {
                    Add(placed, unitId, count);
                    continue;
                }

                var ended = unit.ValidTo is { } to && to <= on;
                var shares = ended
                    ? Reattribution.Split(outgoing[unitId].Select(l => (l.To, l.ForwardShare)).ToList())
                    : Reattribution.Split(incoming[unitId].Select(l => (l.From, l.BackwardShare)).ToList());
                if (shares.Count == 0)
                {
                    Add(unplaced, unitId, count);
                    continue;
                }

                foreach (var (target, share) in shares)
                {
                    Add(next, target, count * share);
                }
            }

            current = next;
        }

        return new ReattributionOutcome(placed, unplaced);
    }

    private static void Add(Dictionary<Guid, decimal> into, Guid unitId, decimal count) =>
        into[unitId] = into.GetValueOrDefault(unitId) + count;
}

internal readonly record struct UnitValidity(DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsInForceOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);
}

internal sealed record LinkShare(Guid From, Guid To, DateOnly EffectiveOn, decimal? ForwardShare, decimal? BackwardShare);

internal sealed record ReattributionOutcome(IReadOnlyDictionary<Guid, decimal> Placed, IReadOnlyDictionary<Guid, decimal> Unplaced);

/// <summary>Shares of one unit's links that do not add up to the whole.</summary>
internal sealed class ShareException(decimal total)
    : InvalidOperationException($"Tổng tỷ lệ phân bổ là {total:P1}, phải bằng 100% / Shares add up to {total:P1}; they must make 100%.")
{
    public decimal Total { get; } = total;
}
