using System.Security.Claims;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Jobs;
using Microsoft.AspNetCore.Antiforgery;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Web.Jobs;

/// <summary>The job pages' cancel button and the list's Excel export.</summary>
internal static class JobEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/jobs/{id:guid}/cancel", CancelAsync).ExcludeFromDescription();
        app.MapGet("/jobs/export.xlsx", ExportAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> CancelAsync(Guid id, HttpContext http, IJobs jobs, IAntiforgery antiforgery, CancellationToken ct)
    {
        // The form has no field to bind, and minimal APIs check the token only for bound form fields.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var user = http.User;
        // Someone else's job answers as an unknown one, so ids cannot be probed.
        if (await jobs.GetAsync(id, ct) is not { } job || !JobText.MaySee(user, job))
        {
            return Results.NotFound();
        }

        await jobs.RequestCancelAsync(id, ct);
        return Results.LocalRedirect($"/jobs/{id}");
    }

    private static async Task<IResult> ExportAsync(ClaimsPrincipal user, IJobs jobs, CancellationToken ct)
    {
        var rows = await jobs.RecentAsync(null, JobText.ListedFor(user), JobText.ListSize, ct);
        return ExcelExport.File("viec.xlsx", T("Việc", "Jobs"),
        [
            new(T("Việc", "Job"), j => j.Title),
            new(T("Loại", "Kind"), j => j.Kind),
            new(T("Trạng thái", "State"), j => JobText.State(j.State)),
            new(T("Đã xử lý", "Done"), j => j.Done),
            new(T("Tổng số", "Total"), j => j.Total),
            new(T("Thông báo", "Message"), j => j.Message),
            new(T("Lỗi", "Error"), j => j.Error),
            new(T("Người yêu cầu", "Requested by"), j => j.RequestedBy),
            new(T("Tạo lúc", "Created"), j => Time(j.CreatedUtc)),
            new(T("Bắt đầu", "Started"), j => Time(j.StartedUtc)),
            new(T("Kết thúc", "Ended"), j => Time(j.EndedUtc)),
        ], rows);
    }
}
