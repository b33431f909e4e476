using Microsoft.AspNetCore.Http;

namespace BaoPhu.Registry.BrowseRegistry;

/// <summary>
/// Answers 404 with the page's own explanation. A static SSR page that sets 404 while rendering gets
/// its body dropped by the framework (it expects a router-wide not-found page), so the status is set
/// only as the headers go out, after the page has rendered.
/// </summary>
internal static class NotFoundResponse
{
    public static void Mark(HttpContext? http)
    {
        if (http is null)
        {
            return;
        }

        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
