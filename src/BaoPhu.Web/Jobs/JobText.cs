using System.Security.Claims;
using System.Text.Json;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Security;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Web.Jobs;

/// <summary>How the job pages and their export write a job, and who may see it.</summary>
internal static class JobText
{
    /// <summary>How many jobs the list and its export show.</summary>
    public const int ListSize = 200;

    public static string State(JobState state) => state switch
    {
        JobState.Queued => T("Đang chờ", "Queued"),
        JobState.Running => T("Đang chạy", "Running"),
        JobState.Succeeded => T("Hoàn thành", "Succeeded"),
        JobState.Failed => T("Thất bại", "Failed"),
        JobState.Cancelled => T("Đã hủy", "Cancelled"),
        _ => state.ToString(),
    };

    /// <summary>"1.234 / 5.000 (24 %)", or the count alone while the total is unknown.</summary>
    public static string Progress(JobView job) => job.Total is > 0 and var total
        ? $"{Count(job.Done)} / {Count(total)} ({Percent(job)} %)"
        : Count(job.Done);

    public static long Percent(JobView job) => job.Total is > 0 and var total ? Math.Clamp(job.Done * 100 / total, 0, 100) : 0;

    /// <summary>Each user follows their own jobs; administrators follow everyone's.</summary>
    public static bool MaySee(ClaimsPrincipal user, JobView job) =>
        user.IsInRole(Roles.Administrator) || (user.Identity?.Name is { } name && name == job.RequestedBy);

    /// <summary>Whose jobs a user lists: null (everyone's) for administrators.</summary>
    public static string? ListedFor(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) ? null : user.Identity?.Name ?? "";

    /// <summary>
    /// The result's <c>link</c> property, when it is a path of this site: a handler's result is data,
    /// and an absolute or protocol-relative address there must not become a link to elsewhere.
    /// </summary>
    public static string? ResultLink(JobView job)
    {
        if (job.ResultJson is null)
        {
            return null;
        }

        try
        {
            using var result = JsonDocument.Parse(job.ResultJson);
            return result.RootElement.ValueKind == JsonValueKind.Object
                && result.RootElement.TryGetProperty("link", out var link)
                && link.ValueKind == JsonValueKind.String
                && link.GetString() is { } path
                && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
                ? path
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
