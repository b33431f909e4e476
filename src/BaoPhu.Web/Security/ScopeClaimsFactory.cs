using System.Security.Claims;
using BaoPhu.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaoPhu.Web.Security;

/// <summary>Puts the user's scope unit, agency and display name into the sign-in cookie.</summary>
internal sealed class ScopeClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(BaoPhuClaims.Unit, unitId.ToString()));
        }

        identity.AddClaim(new Claim(BaoPhuClaims.Agency, user.Agency));
        identity.AddClaim(new Claim(BaoPhuClaims.FullName, user.FullName));
        return identity;
    }
}
