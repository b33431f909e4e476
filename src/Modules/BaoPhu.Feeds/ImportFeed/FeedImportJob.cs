using System.Globalization;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Jobs;

namespace BaoPhu.Feeds.ImportFeed;

/// <summary>
/// An import from a page, as a job: progress on the job page, cancel, and a link to the intake's
/// result. The uploaded file is kept after a dry run (to be imported as checked) and removed after
/// anything else.
/// </summary>
internal sealed class FeedImportJob(IFeedImports imports) : IJobHandler
{
    public const string JobKind = "feeds.import";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var request = context.Parameters<FeedImportRequest>();
        var progress = new Progress(context.Progress);
        FeedImportResult result;
        try
        {
            result = await imports.ImportAsync(request, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            DeleteUnlessDryRun(request, FeedOutcome.Rejected);
            throw;
        }

        DeleteUnlessDryRun(request, result.Outcome);
        return new
        {
            result.Feed,
            result.Period,
            Outcome = result.Outcome.ToString(),
            result.Rows,
            result.Imported,
            result.Rejected,
            result.Replaced,
            Link = $"/feeds/intakes/{result.IntakeId}",
        };
    }

    private static void DeleteUnlessDryRun(FeedImportRequest request, FeedOutcome outcome)
    {
        if (outcome != FeedOutcome.DryRun && request.DisplayName is not null && File.Exists(request.File))
        {
            File.Delete(request.File);
        }
    }

    /// <summary>Bytes of the file as the job's done and total, so the bar moves evenly; rows in the message.</summary>
    private sealed class Progress(IJobProgress job) : IProgress<FeedProgress>
    {
        public void Report(FeedProgress value) => job.Report(value.BytesRead, value.Bytes > 0 ? value.Bytes : null, value.Stage switch
        {
            "reading" => string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"Đã đọc và kiểm tra {value.Rows:N0} dòng / {value.Rows:N0} rows read and checked"),
            "duplicates" => "Đang đối chiếu các dòng trùng khóa / Settling repeated keys",
            _ => "Đang hoàn tất / Finishing",
        });
    }
}
