using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using Microsoft.Extensions.Caching.Memory;

namespace BaoPhu.Web.Security;

/// <summary>
/// Narrows <see cref="UnitScope"/> to the signed-in user's units before any page or endpoint runs,
/// so every query of unit-owned data in the request is filtered. Users without a unit see the country.
/// </summary>
internal sealed class ScopeMiddleware(UnitScope scope, IUnitScopeSource source, IMemoryCache cache) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Guid.TryParse(context.User.FindFirst(BaoPhuClaims.Unit)?.Value, out var unitId))
        {
            // Units change only by import; a few minutes' cache spares a lineage walk on every request.
            var ids = await cache.GetOrCreateAsync(("scope", unitId), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
                return source.UnitIdsCoveredByAsync(unitId, context.RequestAborted);
            });
            scope.Restrict(ids ?? []);
        }

        await next(context);
    }
}
