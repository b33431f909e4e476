using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace BaoPhu.Web.Security;

/// <summary>Sign-in, sign-out and the language switch: form posts that set cookies, then redirect.</summary>
internal static class AccountEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/account/signin", SignInAsync).AllowAnonymous();
        app.MapPost("/account/signout", SignOutAsync);
        app.MapGet("/culture", SetCulture).AllowAnonymous();
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn, AuditLog audit, HttpContext context)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        var kind = result.Succeeded ? AuditKinds.SignIn : result.IsLockedOut ? AuditKinds.LockedOut : AuditKinds.SignInFailed;
        var user = await signIn.UserManager.FindByNameAsync(userName);
        await audit.WriteAsync(kind, "platform_user", user?.Id.ToString(),
            new { ip = context.Connection.RemoteIpAddress?.ToString() }, context.RequestAborted, (user?.Id, userName));

        if (result.Succeeded)
        {
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }

        var error = result.IsLockedOut ? "locked" : "invalid";
        return Results.LocalRedirect($"/account/signin?error={error}&returnUrl={Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl! : "/")}");
    }

    private static async Task<IResult> SignOutAsync(SignInManager<AppUser> signIn, AuditLog audit, HttpContext context)
    {
        await audit.WriteAsync(AuditKinds.SignOut, "platform_user", null, null, context.RequestAborted);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/account/signin");
    }

    private static IResult SetCulture(string culture, string? returnUrl, HttpContext context)
    {
        var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "vi-VN";
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
