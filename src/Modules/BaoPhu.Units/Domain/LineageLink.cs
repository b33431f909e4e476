using BaoPhu.Platform.Persistence;

namespace BaoPhu.Units.Domain;

/// <summary>
/// Old unit → new unit in a reorganisation. Shares say how a count moves along the link; null means
/// "the equal default" (see <see cref="Reattribution"/>), so only deliberate settings are stored.
/// </summary>
internal sealed class LineageLink : IAudited
{
    private LineageLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid FromUnitId { get; private set; }

    public Guid ToUnitId { get; private set; }

    public LinkKind Kind { get; private set; }

    /// <summary>The day the new unit took over.</summary>
    public DateOnly EffectiveOn { get; private set; }

    /// <summary>Share of the old unit's count that goes to the new unit (0–1).</summary>
    public decimal? ForwardShare { get; private set; }

    /// <summary>Share of the new unit's count that is attributed back to the old unit (0–1).</summary>
    public decimal? BackwardShare { get; private set; }

    public static LineageLink Create(Guid fromUnitId, Guid toUnitId, LinkKind kind, DateOnly effectiveOn) => new()
    {
        Id = Guid.CreateVersion7(),
        FromUnitId = fromUnitId,
        ToUnitId = toUnitId,
        Kind = kind,
        EffectiveOn = effectiveOn,
    };

    public void ChangeKind(LinkKind kind)
    {
        Kind = kind;
    }

    internal void SetShares(decimal? forward, decimal? backward)
    {
        ForwardShare = forward;
        BackwardShare = backward;
    }
}
