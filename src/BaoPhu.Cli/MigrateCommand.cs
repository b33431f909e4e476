using System.CommandLine;

namespace BaoPhu.Cli;

internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Cập nhật cấu trúc cơ sở dữ liệu / apply database migrations");
        command.SetAction((_, cancellationToken) => context.RunAsync(async (_, _) =>
        {
            await context.Output.WriteLineAsync("Cơ sở dữ liệu đã cập nhật / database is up to date.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
