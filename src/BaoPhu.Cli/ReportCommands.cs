using System.CommandLine;
using BaoPhu.Reporting.BuildAnnex;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

/// <summary><c>report annex</c>: the reports other agencies receive as files.</summary>
internal static class ReportCommands
{
    public static Command Create(CliContext context) => new("report", "Báo cáo / reports") { Annex(context) };

    private static Command Annex(CliContext context)
    {
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị / unit code", Required = true };
        var year = CliOptions.Year("Năm / year");
        var on = CliOptions.OptionalDate(
            "--on", "Ngày lấy danh mục đơn vị (mặc định 31/12 của năm, hoặc hôm nay) / the date whose units are shown (default 31 December of the year, or today)");
        var output = new Option<FileInfo>("--out") { Description = "Tệp .xlsx cần ghi / the .xlsx file to write", Required = true };
        var command = new Command("annex", "Phụ biểu giao chỉ tiêu BHXH, BHTN của đơn vị và các đơn vị trực thuộc (.xlsx) / the annex of targets of a unit and its children (.xlsx)")
        {
            unit, year, on, output,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var code = parse.GetValue(unit)!;
            var target = parse.GetValue(output)!;
            var written = await WriteWholeAsync(
                target, stream => services.GetRequiredService<AnnexReport>().WriteAsync(code, parse.GetValue(year), parse.GetValue(on), stream, ct), ct);
            if (!written)
            {
                throw CoverageCommands.NoUnit(code, parse.GetValue(on) ?? CoverageCommands.DefaultDate(services, parse.GetValue(year)));
            }

            await context.Output.WriteLineAsync(target.FullName);
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Writes to a temporary file beside the target and moves it into place only when complete, so a
    /// failure or a cancelled run never leaves a half-written workbook, nor spoils an earlier one.
    /// The same folder keeps the move a rename on one file system.
    /// </summary>
    private static async Task<bool> WriteWholeAsync(FileInfo target, Func<Stream, Task<bool>> write, CancellationToken cancellationToken)
    {
        var folder = target.Directory ?? throw new CliException($"Không ghi được tệp / cannot write the file: {target.FullName}");
        if (!folder.Exists)
        {
            throw new CliException($"Không có thư mục / folder not found: {folder.FullName}");
        }

        var temporary = Path.Combine(folder.FullName, $".{target.Name}.{Guid.NewGuid():N}.tmp");
        var moved = false;
        try
        {
            bool written;
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                written = await write(stream);
                await stream.FlushAsync(cancellationToken);
            }

            if (written)
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.Move(temporary, target.FullName, overwrite: true);
                moved = true;
            }

            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Không ghi được tệp / cannot write the file {target.FullName}: {e.Message}");
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temporary);
            }
        }
    }
}
