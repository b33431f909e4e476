using System.CommandLine;
using System.Globalization;
using System.Text;
using BaoPhu.Platform.Time;
using BaoPhu.Targets.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

/// <summary><c>targets import</c>, <c>actuals import</c>, <c>coverage show</c> and <c>coverage refresh</c>.</summary>
internal static class CoverageCommands
{
    public static Command Targets(CliContext context) => new("targets", "Chỉ tiêu giao / targets")
    {
        Import(context, "Nhập tệp chỉ tiêu (feed targets, CSV hoặc .xlsx) / import a targets feed file (CSV or .xlsx)",
            (imports, file, ct) => imports.ImportTargetsAsync(file, ct)),
    };

    public static Command Actuals(CliContext context) => new("actuals", "Số thực hiện / actuals")
    {
        Import(context, "Nhập tệp số thực hiện (feed coverage-actuals, CSV hoặc .xlsx) / import a coverage-actuals feed file (CSV or .xlsx)",
            (imports, file, ct) => imports.ImportActualsAsync(file, ct)),
    };

    public static Command Coverage(CliContext context) => new("coverage", "Bao phủ: chỉ tiêu và thực hiện / coverage: targets and actuals")
    {
        Show(context),
        Refresh(context),
    };

    private static Command Import(
        CliContext context, string description, Func<ICoverageImports, string, CancellationToken, Task<CoverageImportResult>> import)
    {
        var file = CliOptions.ExistingFileArgument("file", "Tệp CSV hoặc .xlsx / a CSV or .xlsx file");
        var command = new Command("import", description) { file };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            await context.Error.WriteLineAsync($"Đang nhập / importing {parse.GetValue(file)!.Name} …");
            var result = await import(services.GetRequiredService<ICoverageImports>(), parse.GetValue(file)!.FullName, ct);
            await context.Output.WriteLineAsync(CliJson.Serialize(result));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị / unit code", Required = true };
        var year = CliOptions.Year("Năm / year");
        var on = CliOptions.OptionalDate(
            "--on", "Ngày lấy danh mục đơn vị (mặc định 31/12 của năm, hoặc hôm nay) / the date whose units are shown (default 31 December of the year, or today)");
        var json = CliOptions.Json();
        var command = new Command("show", "Chỉ tiêu, thực hiện và tiến độ của một đơn vị / a unit's targets, actuals and progress")
        {
            unit, year, on, json,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var code = parse.GetValue(unit)!;
            var summary = await services.GetRequiredService<ICoverageSummaries>().ShowAsync(code, parse.GetValue(year), parse.GetValue(on), ct)
                ?? throw NoUnit(code, parse.GetValue(on) ?? DefaultDate(services, parse.GetValue(year)));
            await context.Output.WriteLineAsync(parse.GetValue(json) ? CliJson.Serialize(summary.Indicators) : Table(summary));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Refresh(CliContext context)
    {
        var command = new Command(
            "refresh", "Dựng lại bảng tổng hợp của mọi năm, ví dụ sau khi sửa tỷ lệ kế thừa / rebuild the roll-up of every year, e.g. after lineage shares changed");
        command.SetAction((_, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            await context.Error.WriteLineAsync("Đang dựng lại bảng tổng hợp / rebuilding the roll-up …");
            var rows = await services.GetRequiredService<ICoverageSummaries>().RefreshAsync(ct);
            await context.Output.WriteLineAsync(CliJson.Serialize(new { RollupRows = rows }));
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>The date the module reads a year's units on when none is given, so the message names the one it tried.</summary>
    internal static DateOnly DefaultDate(IServiceProvider services, int year)
    {
        var today = services.GetRequiredService<TimeProvider>().Today();
        return year >= today.Year ? today : new DateOnly(year, 12, 31);
    }

    internal static CliException NoUnit(string code, DateOnly on) =>
        new($"Không có đơn vị mã {code} vào ngày {on:dd/MM/yyyy} / no unit {code} in force on {on:yyyy-MM-dd}");

    private static string Table(CoverageSummary summary)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{summary.Name} ({summary.Unit}), năm / year {summary.Year}, ")
            .Append(CultureInfo.InvariantCulture, $"đơn vị ngày / units of {summary.On:dd/MM/yyyy}");
        if (summary.Indicators.Count == 0)
        {
            return text.Append("\nChưa có chỉ tiêu hay số thực hiện / no targets or actuals yet.").ToString();
        }

        string[] header = ["Mã / Code", "Chỉ tiêu / Indicator", "Giao / Target", "Thực hiện / Actual", "Tỷ lệ / Rate", "Hoàn thành / Completion", "Tháng / Month", "Tiến độ / Status"];
        var rows = summary.Indicators.Select(Row).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.Append('\n');
            for (var c = 0; c < row.Length; c++)
            {
                // Codes and names read from the left, numbers line up on the right; the status ends the line unpadded.
                var cell = c == row.Length - 1 ? row[c] : c is 0 or 1 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]);
                text.Append(c == 0 ? "" : "  ").Append(cell);
            }
        }

        return text.ToString();
    }

    private static string[] Row(IndicatorResult result)
    {
        var indicator = IndicatorCatalog.Standard.Find(result.Indicator);
        var percent = indicator?.IsPercent ?? false;
        return
        [
            result.Indicator,
            // The code already names the indicator in English terms; the Vietnamese name is what officials read.
            indicator?.NameVi ?? "",
            percent ? Percent(result.Target) : Count(result.Target),
            percent ? Percent(result.Actual) : Count(result.Actual),
            Percent(result.Rate),
            Percent(result.Completion),
            result.AsOfMonth switch
            {
                null => "",
                0 => "cả năm / year",
                var month => month.Value.ToString(CultureInfo.InvariantCulture),
            },
            Status(result.Status),
        ];
    }

    private static string Count(decimal? value) =>
        value is { } v ? Math.Round(v, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.CurrentCulture) : "—";

    private static string Percent(decimal? value) => value is { } v ? v.ToString("N1", CultureInfo.CurrentCulture) + "%" : "—";

    private static string Status(string status) => status switch
    {
        "on_track" => "Đúng tiến độ / on track",
        "at_risk" => "Có nguy cơ chậm / at risk",
        "lagging" => "Chậm tiến độ / lagging",
        "no_actual" => "Chưa có số thực hiện / no actual yet",
        "no_target" => "Chưa giao chỉ tiêu / no target",
        _ => status,
    };
}
