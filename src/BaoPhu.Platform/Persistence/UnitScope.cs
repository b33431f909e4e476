namespace BaoPhu.Platform.Persistence;

/// <summary>
/// The units the current request may see. Unrestricted until a host narrows it for a signed-in user;
/// system work (imports, migrations, CLI) runs unrestricted.
/// </summary>
public sealed class UnitScope
{
    public bool IsRestricted { get; private set; }

    /// <summary>Ids of every unit in scope, across unit versions and reorganisations.</summary>
    public IReadOnlyList<Guid> UnitIds { get; private set; } = [];

    public void Restrict(IReadOnlyList<Guid> unitIds)
    {
        UnitIds = unitIds;
        IsRestricted = true;
    }

    public bool Contains(Guid unitId) => !IsRestricted || UnitIds.Contains(unitId);
}

/// <summary>Resolves a scope unit into every unit id it covers. Implemented by the Units module.</summary>
public interface IUnitScopeSource
{
    Task<IReadOnlyList<Guid>> UnitIdsCoveredByAsync(Guid scopeUnitId, CancellationToken cancellationToken);
}
