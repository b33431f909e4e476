using System.CommandLine;
using System.Globalization;

namespace BaoPhu.Cli;

internal static class CliOptions
{
    /// <summary>A date option that accepts yyyy-MM-dd or dd/MM/yyyy, as agencies write both.</summary>
    public static Option<DateOnly> Date(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"Ngày '{text}' không hợp lệ, dùng yyyy-MM-dd / '{text}' is not a date: use yyyy-MM-dd.");
            return default;
        },
    };

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

    public static Option<bool> Json() => new("--json") { Description = "In kết quả dạng JSON / print JSON" };
}
