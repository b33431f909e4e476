using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

/// <summary><c>import FEED FILE</c> and <c>registry stats</c>.</summary>
internal static class FeedCommands
{
    public static Command Import(CliContext context)
    {
        var feed = new Argument<string>("feed") { Description = "Loại dữ liệu theo FEEDS.md, ví dụ tax-employees / the feed, e.g. tax-employees" };
        var file = CliOptions.ExistingFileArgument("file", "Tệp CSV hoặc .xlsx / a CSV or .xlsx file");
        var period = new Option<string?>("--period")
        {
            Description = "Kỳ của tệp: yyyy-MM, hoặc yyyy cho dữ liệu theo năm (mặc định: kỳ của dòng đầu) / the file's period: yyyy-MM, or yyyy for yearly feeds (default: the first row's)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra, không ghi gì / check only, store nothing" };
        var mapping = new Option<string?>("--mapping") { Description = "Tên bảng ánh xạ cột đã lưu / the name of a saved column mapping" };
        var deferRefresh = new Option<bool>("--defer-refresh")
        {
            Description = "Không cập nhật dữ liệu tổng hợp sau khi nhập (nhập hàng loạt; chạy 'registry refresh' ở cuối) / skip the refresh of derived data (bulk loads; run 'registry refresh' at the end)",
        };
        var command = new Command("import", "Nhập một tệp dữ liệu của cơ quan (kiểm tra, rồi ghi tất cả hoặc không ghi gì) / import an agency file (checked, then stored whole or not at all)")
        {
            feed, file, period, dryRun, mapping, deferRefresh,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            await context.Error.WriteLineAsync($"Đang nhập / importing {path.Name} …");
            var request = new FeedImportRequest(
                parse.GetValue(feed)!, path.FullName, parse.GetValue(period), parse.GetValue(dryRun), parse.GetValue(mapping), DeferRefresh: parse.GetValue(deferRefresh));
            FeedImportResult result;
            try
            {
                result = await services.GetRequiredService<IFeedImports>().ImportAsync(request, new ConsoleProgress(context.Error), ct);
            }
            catch (FeedException e)
            {
                throw new CliException(e.Message);
            }

            foreach (var problem in result.Problems)
            {
                await context.Error.WriteLineAsync(CliContext.Describe(problem with { Value = PersonalData.Shown(problem.Column, problem.Value) }));
            }

            if (result.ProblemCount > result.Problems.Count)
            {
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"… và {result.ProblemCount - result.Problems.Count} vấn đề khác / … and {result.ProblemCount - result.Problems.Count} more"));
            }

            if (result.Reason is not null)
            {
                await context.Error.WriteLineAsync(result.Reason);
                await context.Error.WriteLineAsync("Tệp không được nhập, dữ liệu không thay đổi / the file was not imported; nothing was changed.");
            }

            await context.Output.WriteLineAsync(CliJson.Serialize(new
            {
                result.Feed,
                result.Rows,
                result.Imported,
                result.Rejected,
                result.Replaced,
                result.Period,
                Outcome = result.Outcome.ToString().ToLowerInvariant(),
                result.Warnings,
                result.Encoding,
                Intake = result.IntakeId,
            }));
            return result.Outcome == FeedOutcome.Rejected ? 1 : 0;
        }, cancellationToken));
        return command;
    }

    public static Command Registry(CliContext context)
    {
        var json = CliOptions.Json();
        var stats = new Command("stats", "Số dòng đang lưu của mỗi loại dữ liệu / rows stored per feed") { json };
        stats.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var counts = await services.GetRequiredService<IFeedImports>().StatsAsync(ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(CliJson.Serialize(counts));
            }
            else
            {
                foreach (var feed in counts)
                {
                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{feed.Feed,-20} {feed.Rows,12:N0} rows  {feed.Files,4} files  {feed.LatestPeriod}"));
                }
            }

            return 0;
        }, cancellationToken));
        var refresh = new Command("refresh", "Cập nhật dữ liệu tổng hợp từ mọi tệp đã nhập (sau khi nhập hàng loạt với --defer-refresh) / refresh derived data from every stored file (after a bulk load with --defer-refresh)");
        refresh.SetAction((_, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            await context.Error.WriteLineAsync("Đang cập nhật / refreshing …");
            var files = await services.GetRequiredService<IFeedImports>().RefreshAsync(ct);
            await context.Output.WriteLineAsync(CliJson.Serialize(new { Files = files }));
            return 0;
        }, cancellationToken));
        return new Command("registry", "Sổ đăng ký: đơn vị, người lao động, tham gia / the registry: employers, workers, participation") { stats, refresh };
    }

    /// <summary>One line on standard error about once a second: rows read and how much of the file.</summary>
    private sealed class ConsoleProgress(TextWriter error) : IProgress<FeedProgress>
    {
        private readonly Stopwatch since = Stopwatch.StartNew();
        private TimeSpan last = TimeSpan.FromSeconds(-1);

        public void Report(FeedProgress value)
        {
            if (since.Elapsed - last < TimeSpan.FromSeconds(1) && value.Stage == "reading")
            {
                return;
            }

            last = since.Elapsed;
            var share = value.Bytes > 0 ? $" ({100.0 * value.BytesRead / value.Bytes:0}%)" : "";
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.Stage}: {value.Rows:N0} rows{share}"));
        }
    }
}
