namespace BaoPhu.Platform.Persistence;

/// <summary>
/// Rows that belong to an administrative unit through a property named <c>UnitId</c> (<c>Guid</c>,
/// or <c>Guid?</c> where null means the whole country). <see cref="BaoPhuDbContext"/> filters every
/// query of such an entity by the current user's scope, so no module writes its own scope check.
/// </summary>
public interface IUnitOwned;

/// <summary>Entities whose every change is written to the audit log, one entry per row.</summary>
public interface IAudited;
