namespace BaoPhu.Platform.Modules;

/// <summary>A figure another module adds to a unit's coverage dashboard, with the page that explains it.</summary>
/// <param name="Value">As shown, already formatted.</param>
public sealed record DashboardCard(string Id, string Title, string Value, string? Note, string? Link);

/// <summary>
/// A module's cards on the coverage dashboard: the dashboard shows them without knowing the module,
/// so enforcement results stand beside the coverage they are meant to raise.
/// </summary>
public interface IDashboardCardSource
{
    /// <summary>The section's title, in the request's language.</summary>
    string Title { get; }

    /// <param name="unitId">The unit shown; its cards cover it and the units under it, within the user's scope.</param>
    Task<IReadOnlyList<DashboardCard>> CardsAsync(Guid unitId, int year, CancellationToken cancellationToken);
}
