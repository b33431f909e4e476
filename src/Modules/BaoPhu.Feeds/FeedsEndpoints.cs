using BaoPhu.Feeds.BrowseIntakes;
using BaoPhu.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaoPhu.Feeds;

/// <summary>The intake pages' downloads and the "import this file" action of a dry run.</summary>
internal static class FeedsEndpoints
{
    /// <summary>Who may send files: everyone who reports data, not leaders and inspectors, who read.</summary>
    public static readonly string[] Importers =
        [Roles.Administrator, Roles.Coordinator, Roles.InsuranceAgency, Roles.DataSharingAgency, Roles.LocalGovernment];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feeds/intakes.xlsx", async (IntakeQueries queries, CancellationToken ct) =>
                IntakeQueries.IntakesWorkbook(await queries.RecentAsync(10_000, ct)))
            .RequireAuthorization()
            .ExcludeFromDescription();
        endpoints.MapGet("/feeds/intakes/{id:guid}/problems.xlsx", async (Guid id, IntakeQueries queries, CancellationToken ct) =>
                await queries.FindAsync(id, ct) is { } intake
                    ? IntakeQueries.ProblemsWorkbook(intake, await queries.ProblemsAsync(id, null, ct))
                    : Results.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();
        endpoints.MapPost("/feeds/intakes/{id:guid}/commit", CommitAsync)
            .RequireAuthorization(p => p.RequireRole(Importers))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> CommitAsync(Guid id, HttpContext http, IntakeQueries queries, IAntiforgery antiforgery, CancellationToken ct)
    {
        // The form carries only its token, which minimal APIs check only for bound fields.
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }

        if (await queries.FindAsync(id, ct) is not { } intake)
        {
            return Results.NotFound();
        }

        return await queries.CommitAsync(intake, ct) is { } job
            ? Results.Redirect($"/jobs/{job.Id}")
            : Results.Redirect($"/feeds/intakes/{id}?gone=1");
    }
}
