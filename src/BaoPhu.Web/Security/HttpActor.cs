using System.Security.Claims;
using BaoPhu.Platform.Auditing;

namespace BaoPhu.Web.Security;

/// <summary>The signed-in user as the audit log names them; the system when nobody is signed in.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor, ActingFor acting) : IActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? Id => acting.Name is not null ? acting.Id : Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => acting.Name ?? User?.Identity?.Name ?? "system";
}
