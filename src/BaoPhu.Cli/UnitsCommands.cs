using System.CommandLine;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

internal static class UnitsCommands
{
    public static Command Create(CliContext context) => new("units", "Đơn vị hành chính / administrative units")
    {
        Import(context),
        ImportMerger(context),
        Count(context),
        Lineage(context),
    };

    private static Command Import(CliContext context)
    {
        var file = CliOptions.ExistingFile("--dvhcvn", "Danh mục đơn vị (JSON dạng dvhcvn) / unit list in the dvhcvn JSON shape");
        var on = CliOptions.Date("--on", "Ngày danh mục có hiệu lực / the date the list is in force");
        var command = new Command("import", "Nhập danh mục đơn vị hành chính / import a unit list") { file, on };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            await context.Error.WriteLineAsync($"Đang nhập / importing {parse.GetValue(file)!.Name} …");
            var result = await services.GetRequiredService<IUnitImports>()
                .ImportUnitListAsync(parse.GetValue(file)!.FullName, parse.GetValue(on), ct);
            await context.Output.WriteLineAsync(CliJson.Serialize(result));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ImportMerger(CliContext context)
    {
        var merges = CliOptions.ExistingFile("--merges", "Đơn vị mới → cũ (JSON) / new → old units (JSON)");
        var provinces = CliOptions.ExistingFile("--provinces", "Danh sách tỉnh mới (CSV) / the new provinces (CSV)");
        var on = CliOptions.Date("--on", "Ngày sắp xếp có hiệu lực / the date the merger takes effect");
        var command = new Command("import-merger", "Nhập sắp xếp đơn vị hành chính / import a merger of units") { merges, provinces, on };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            await context.Error.WriteLineAsync($"Đang nhập / importing {parse.GetValue(merges)!.Name} …");
            var result = await services.GetRequiredService<IUnitImports>()
                .ImportMergerAsync(parse.GetValue(merges)!.FullName, parse.GetValue(provinces)!.FullName, parse.GetValue(on), ct);
            await context.Output.WriteLineAsync(CliJson.Serialize(result));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Count(CliContext context)
    {
        var on = CliOptions.Date("--on", "Ngày / date");
        var json = CliOptions.Json();
        var command = new Command("count", "Đếm đơn vị có hiệu lực vào một ngày / count units in force on a date") { on, json };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var counts = await services.GetRequiredService<IUnitDirectory>().CountAsync(parse.GetValue(on), ct);
            await context.Output.WriteLineAsync(parse.GetValue(json)
                ? CliJson.Serialize(counts)
                : $"Tỉnh / provinces: {counts.Provinces:N0}\nHuyện / districts: {counts.Districts:N0}\nXã / communes: {counts.Communes:N0}");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Lineage(CliContext context)
    {
        var code = new Argument<string>("code") { Description = "Mã đơn vị / unit code" };
        var on = CliOptions.Date("--on", "Ngày đơn vị có hiệu lực / a date the unit is in force");
        var json = CliOptions.Json();
        var command = new Command("lineage", "Các đơn vị kế thừa / the units that succeeded a unit") { code, on, json };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var successors = await services.GetRequiredService<IUnitDirectory>()
                .SuccessorsAsync(parse.GetValue(code)!, parse.GetValue(on), ct)
                ?? throw new CliException(
                    $"Không có đơn vị mã {parse.GetValue(code)} vào ngày {parse.GetValue(on):dd/MM/yyyy} / no unit {parse.GetValue(code)} in force on {parse.GetValue(on):yyyy-MM-dd}");
            await context.Output.WriteLineAsync(parse.GetValue(json)
                ? CliJson.Serialize(successors)
                : string.Join('\n', successors.Select(s => $"{s.Code}  {s.Name}  ({(s.Link == "full" ? "toàn phần / full" : "một phần / partial")})")));
            return 0;
        }, cancellationToken));
        return command;
    }
}
