using BaoPhu.Feeds.Contracts;
using BaoPhu.Feeds.Domain;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Feeds.BrowseIntakes;

/// <summary>How an intake's outcome reads on pages and in exports.</summary>
internal static class IntakeText
{
    public static string Outcome(FeedIntake intake) => intake.Outcome switch
    {
        FeedOutcome.Committed when intake.ReplacedBy is not null => T("Đã được tệp sau thay thế", "Replaced by a later file"),
        FeedOutcome.Committed => T("Đã nhập", "Imported"),
        FeedOutcome.DryRun => T("Kiểm tra thử", "Dry run"),
        _ => T("Bị từ chối", "Refused"),
    };

    public static string Css(FeedIntake intake) => intake.Outcome switch
    {
        FeedOutcome.Committed when intake.ReplacedBy is not null => "job-cancelled",
        FeedOutcome.Committed => "job-succeeded",
        FeedOutcome.DryRun => "job-queued",
        _ => "job-failed",
    };
}
