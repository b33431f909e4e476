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
        Workbook(fileName, ExcelSheet.Of(sheetName, columns, rows));

    /// <summary>A workbook of several lists, one sheet each, in the order given.</summary>
    public static IResult Workbook(string fileName, params IReadOnlyList<ExcelSheet> sheets) =>
        File(fileName, buffer => buffer.SaveAsAsync(sheets.ToDictionary(s => s.Name, s => s.Rows)));

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

/// <summary>One sheet of a workbook: a header row, then one row per item.</summary>
/// <param name="Rows">Rows as header → value, or a table when there are none (so the headers still show).</param>
public sealed record ExcelSheet(string Name, object Rows)
{
    public static ExcelSheet Of<T>(string name, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows)
    {
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            var empty = new System.Data.DataTable(name);
            foreach (var column in columns)
            {
                empty.Columns.Add(column.Header);
            }

            return new ExcelSheet(name, empty);
        }

        return new ExcelSheet(name, rows.Select(row => (IDictionary<string, object?>)columns.ToDictionary(c => c.Header, c => c.Value(row))));
    }
}

/// <summary>A header and how to read the cell from a row.</summary>
public sealed record ExcelColumn<T>(string Header, Func<T, object?> Value);
