using System.CommandLine;
using System.CommandLine.Parsing;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Platform.Tabular;

namespace BaoPhu.Cli;

/// <summary>
/// <c>baophu demo …</c>: demo data made offline. It needs no database, so it does not go through
/// <see cref="CliContext.RunAsync"/>, which opens and migrates one.
/// </summary>
internal static class DemoCommands
{
    public static Command Create(CliContext context) => new("demo", "Dữ liệu mẫu / demo data")
    {
        Generate(context),
    };

    private static Command Generate(CliContext context)
    {
        var provinceCode = new Option<string>("--province-code")
        {
            Description = "Mã tỉnh mẫu, 2 chữ số / the demo province's two-digit code",
            DefaultValueFactory = _ => "99",
        };
        var workers = new Option<int>("--workers")
        {
            Description = $"Số người trong độ tuổi lao động ({DemoFeedOptions.MinWorkers}–{DemoFeedOptions.MaxWorkers}) / people of working age",
            DefaultValueFactory = _ => 2_000,
        };
        var months = new Option<int>("--months")
        {
            Description = $"Số tháng (1–{DemoFeedOptions.MaxMonths}) / number of months",
            DefaultValueFactory = _ => 12,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Hạt giống: cùng tham số, cùng tệp / seed: the same options give the same files",
            DefaultValueFactory = _ => 2025,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Thư mục ghi tệp / folder to write the files to",
            Required = true,
        };
        var firstPeriod = new Option<DateOnly>("--first-period")
        {
            Description = "Tháng đầu tiên (yyyy-MM) / the first month (yyyy-MM)",
            DefaultValueFactory = _ => DemoFeedOptions.DefaultFirstPeriod,
            CustomParser = ParsePeriod,
        };
        var command = new Command(
            "generate",
            "Sinh dữ liệu mẫu của mọi nguồn, kèm sai phạm cài sẵn và truth.csv / generate every agency feed with planted problems and their truth")
        {
            provinceCode, workers, months, seed, output, firstPeriod,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DemoFeedOptions(
                parse.GetValue(provinceCode)!, parse.GetValue(workers), parse.GetValue(months), parse.GetValue(seed), parse.GetValue(firstPeriod));
            DemoFeedSummary summary;
            try
            {
                summary = DemoFeedGenerator.Generate(options, parse.GetValue(output)!.FullName, context.Error);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync(e.Message);
                return 1;
            }

            await context.Output.WriteLineAsync(CliJson.Serialize(summary));
            return 0;
        });
        return command;
    }

    private static DateOnly ParsePeriod(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TabularValues.TryPeriod(text, out var year, out var month))
        {
            return new DateOnly(year, month, 1);
        }

        result.AddError($"Tháng '{text}' không hợp lệ, dùng yyyy-MM / '{text}' is not a month: use yyyy-MM.");
        return default;
    }
}
