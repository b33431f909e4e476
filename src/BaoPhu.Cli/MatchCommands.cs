using System.CommandLine;
using System.Globalization;
using BaoPhu.Compliance.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

/// <summary><c>match run</c> and <c>match evaluate</c>: the cross-check of tax, business-registry and insurance data.</summary>
internal static class MatchCommands
{
    public static Command Create(CliContext context) =>
        new("match", "Đối chiếu dữ liệu thuế, đăng ký kinh doanh và bảo hiểm / cross-check tax, business-registry and insurance data")
        {
            Run(context),
            Evaluate(context),
        };

    private static Command Run(CliContext context)
    {
        var period = new Option<string>("--period") { Description = "Tháng đối chiếu (yyyy-MM) / the month to check (yyyy-MM)", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Chỉ đơn vị có mã này và cấp dưới / only this unit and those under it" };
        var asOf = CliOptions.OptionalDate("--as-of", "Ngày tính nợ (mặc định: cuối tháng đóng gần nhất) / the day arrears are aged to (default: end of the latest month of contributions)");
        var kind = new Option<string[]>("--kind")
        {
            Description = $"Chỉ loại sai phạm này, lặp lại để chọn nhiều loại (mặc định: mọi loại) / only this kind of finding, repeat for more (default: every kind): {string.Join(", ", FindingKinds.All)}",
        };
        var json = CliOptions.Json();
        var command = new Command("run", "Tìm các sai phạm của một tháng (chạy lại không làm mất trạng thái xử lý) / find the problems of a month (a re-run keeps their review)")
        {
            period, unit, asOf, kind, json,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<ICrossCheck>()
                .RunAsync(new CrossCheckRequest(parse.GetValue(period)!, parse.GetValue(unit), parse.GetValue(asOf), parse.GetValue(kind) is { Length: > 0 } kinds ? kinds : null), ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(CliJson.Serialize(result));
                return 0;
            }

            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Period} (nợ tính đến / arrears as of {result.AsOf:yyyy-MM-dd}): {result.New} mới / new, {result.Gone} không còn / gone"));
            foreach (var (kind, count) in result.Counts)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{kind,-22} {count,10:N0}"));
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Evaluate(CliContext context)
    {
        var truth = CliOptions.ExistingFile("--truth", "Danh sách sai phạm đã biết (truth.csv) / the known problems (truth.csv)");
        truth.Required = true;
        var json = CliOptions.Json();
        var command = new Command("evaluate", "So kết quả đối chiếu với danh sách sai phạm đã biết: độ chính xác và độ phủ / compare the findings with the known problems: precision and recall")
        {
            truth, json,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var scores = await services.GetRequiredService<ICrossCheck>().EvaluateAsync(parse.GetValue(truth)!.FullName, ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(CliJson.Serialize(scores));
                return 0;
            }

            foreach (var score in scores)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{score.Kind,-22} expected {score.Expected,8:N0}  found {score.Found,8:N0}  precision {score.Precision,6:P1}  recall {score.Recall,6:P1}"));
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
