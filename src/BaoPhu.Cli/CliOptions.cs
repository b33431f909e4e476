using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace BaoPhu.Cli;

internal static class CliOptions
{
    /// <summary>A date option that accepts yyyy-MM-dd or dd/MM/yyyy, as agencies write both.</summary>
    public static Option<DateOnly> Date(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = ParseDate,
    };

    /// <summary>The same as <see cref="Date"/>, for a date the command can work out itself when it is left out.</summary>
    public static Option<DateOnly?> OptionalDate(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDate(result),
    };

    /// <summary>A plan year; outside this range it is a typing mistake, not a year anyone plans for.</summary>
    public static Option<int> Year(string description)
    {
        var option = new Option<int>("--year") { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            var year = result.GetValueOrDefault<int>();
            if (year is < 1900 or > 2100)
            {
                result.AddError($"Năm {year} không hợp lệ (1900–2100) / {year} is not a valid year (1900–2100).");
            }
        });
        return option;
    }

    public static Option<FileInfo> ExistingFile(string name, string description)
    {
        var option = new Option<FileInfo>(name) { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            var file = result.GetValueOrDefault<FileInfo>();
            if (file is not null && !file.Exists)
            {
                result.AddError($"Không tìm thấy tệp / file not found: {file.FullName}");
            }
        });
        return option;
    }

    public static Argument<FileInfo> ExistingFileArgument(string name, string description)
    {
        var argument = new Argument<FileInfo>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            var file = result.GetValueOrDefault<FileInfo>();
            if (file is not null && !file.Exists)
            {
                result.AddError($"Không tìm thấy tệp / file not found: {file.FullName}");
            }
        });
        return argument;
    }

    public static Option<bool> Json() => new("--json") { Description = "In kết quả dạng JSON / print JSON" };

    private static DateOnly ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"Ngày '{text}' không hợp lệ, dùng yyyy-MM-dd / '{text}' is not a date: use yyyy-MM-dd.");
        return default;
    }
}
