using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace BaoPhu.Platform.Excel;

/// <summary>
/// Every list a page shows can be downloaded as .xlsx. Rows are streamed through a temporary file, so
/// a long list does not sit in memory; codes stay text so their leading zeros survive.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult File<T>(string fileName, string sheetName, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows) =>
        File(fileName, buffer =>
        {
            var table = rows.Select(row =>
            {
                var values = new Dictionary<string, object?>(columns.Count);
                foreach (var column in columns)
                {
                    values[column.Header] = column.Value(row);
                }

                return values;
            });
            return buffer.SaveAsAsync(table, sheetName: sheetName);
        });

    /// <summary>A workbook written by <paramref name="write"/>, for reports laid out by hand (titles, merged headers).</summary>
    public static IResult File(string fileName, Func<Stream, Task> write) =>
        Results.Stream(
            async stream =>
            {
                // Zip writers are synchronous, which the server refuses on the response; a temporary
                // file keeps memory flat and lets the copy to the client be asynchronous.
                await using var buffer = new FileStream(
                    Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                await write(buffer);
                buffer.Position = 0;
                await buffer.CopyToAsync(stream);
            },
            ContentType,
            fileName);
}

/// <summary>A header and how to read the cell from a row.</summary>
public sealed record ExcelColumn<T>(string Header, Func<T, object?> Value);
