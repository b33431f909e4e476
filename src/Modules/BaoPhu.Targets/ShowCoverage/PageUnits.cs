using System.Globalization;
using System.Security.Claims;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Targets.ShowCoverage;

/// <summary>The unit a coverage page is about, as asked for or defaulted, and whether the user may see it.</summary>
/// <param name="Code">The code asked for or chosen by default; empty when there was nothing to choose.</param>
internal sealed record PageUnit(UnitRef? Unit, string Code, bool OutOfScope)
{
    public bool Found => Unit is not null && !OutOfScope;
}

/// <summary>
/// How the coverage pages and their form posts pick a unit. Units are reference data that every
/// signed-in user may list, but coverage numbers are not: a unit outside the user's scope is refused
/// here, since the roll-up is read without the scope filter.
/// </summary>
internal static class PageUnits
{
    /// <summary>Tried in turn for a whole-country user: the demo province, then the first province by code.</summary>
    private static readonly string[] CountryDefaults = ["99", "01"];

    public static Guid? ScopeUnitId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(BaoPhuClaims.Unit)?.Value, out var id) ? id : null;

    public static async Task<PageUnit> ResolveAsync(
        IUnitDirectory units, UnitScope scope, ClaimsPrincipal? user, string? code, DateOnly on, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var asked = code.Trim();
            var unit = await units.FindAsync(asked, on, cancellationToken);
            return new PageUnit(unit, asked, unit is not null && !scope.Contains(unit.Id));
        }

        if (ScopeUnitId(user) is { } scopeId)
        {
            var own = (await units.GetAsync([scopeId], cancellationToken)).GetValueOrDefault(scopeId);
            var current = own is null ? null : await units.FindAsync(own.Code, on, cancellationToken);
            return new PageUnit(current is not null && scope.Contains(current.Id) ? current : null, own?.Code ?? "", false);
        }

        foreach (var candidate in CountryDefaults)
        {
            if (await units.FindAsync(candidate, on, cancellationToken) is { } unit)
            {
                return new PageUnit(unit, candidate, false);
            }
        }

        return new PageUnit(null, "", false);
    }

    /// <summary>A <c>yyyy-MM-dd</c> date from a query, or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
