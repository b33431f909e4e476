using System.Globalization;
using BaoPhu.Reporting.BuildAnnex;
using BaoPhu.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace BaoPhu.Reporting.Tests;

public sealed class AnnexWorkbookTests
{
    private const int TotalRow = 4;

    // The annex of seed 001: Triệu Sơn's plan for 2020, with two communes invented to fill the body.
    private static readonly AnnexData TrieuSon = new(
        "Huyện Triệu Sơn",
        2020,
        [
            new AnnexRow("Xã Dân Lực", 1000m, 950m, 5000m, 120m, 900m, 850m),
            new AnnexRow("Thị trấn Nưa", 1000.4m, 990.6m, 4000m, 100m, null, null),
        ],
        new AnnexRow("Huyện Triệu Sơn", 15890m, 15530m, 71313m, 1930m, 14360m, 13640m));

    [Theory]
    [InlineData("C.UTF-8")]
    [InlineData("en_US.UTF-8")]
    public async Task Write_WhenOpenedInLibreOfficeUnderAnyLocale_ShowsVietnameseNumbers(string locale)
    {
        using var folder = new TempFolder();
        var xlsx = WriteFile(folder, TrieuSon);

        var csv = await LibreOffice.ConvertToCsvAsync(xlsx, locale, TestContext.Current.CancellationToken);

        Assert.Equal("PHỤ BIỂU: GIAO CHỈ TIÊU PHÁT TRIỂN ĐỐI TƯỢNG THAM GIA BẢO HIỂM XÃ HỘI NĂM 2020", csv[0][0]);
        Assert.Equal("Huyện Triệu Sơn", csv[1][0]);
        Assert.Equal(
            ["STT", "Đơn vị", "Bảo hiểm xã hội bắt buộc", "", "", "Bảo hiểm xã hội tự nguyện", "", "", "Bảo hiểm thất nghiệp", "", ""],
            csv[2]);
        string[] group = ["Số người thuộc diện tham gia", "Số người tham gia", "Tỷ lệ tham gia (%)"];
        Assert.Equal(["", "", .. group, .. group, .. group], csv[3]);
        Assert.Equal(["", "TỔNG SỐ", "15.890", "15.530", "97,7", "71.313", "1.930", "2,7", "14.360", "13.640", "95,0"], csv[TotalRow]);
        Assert.Equal(["1", "Xã Dân Lực", "1.000", "950", "95,0", "5.000", "120", "2,4", "900", "850", "94,4"], csv[TotalRow + 1]);
        // Fractional counts are shown whole, but the rate comes from the unrounded ones: 99,02 %, not 991 / 1.000.
        Assert.Equal(["2", "Thị trấn Nưa", "1.000", "991", "99,0", "4.000", "100", "2,5", "", "", ""], csv[TotalRow + 2]);
        Assert.Equal(TotalRow + 3, csv.Length);
    }

    [Fact]
    public void Write_WhenValidatedAgainstTheOfficeSchema_HasNoErrors()
    {
        using var stream = new MemoryStream();
        AnnexWorkbook.Write(stream, TrieuSon);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken)
            .Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public void Write_WhenCountsAreUnknownOrNobodyIsRequired_LeavesEmptyCellsAndNoRate()
    {
        var data = new AnnexData(
            "Huyện Triệu Sơn",
            2020,
            [
                new AnnexRow("Xã chưa có số liệu", null, null, null, 120m, 900m, null),
                new AnnexRow("Xã không có doanh nghiệp", 0m, 0m, 0m, 5m, 0m, 0m),
            ],
            new AnnexRow("Huyện Triệu Sơn", 0m, 0m, null, 125m, 900m, 0m));

        var sheet = ReadSheet(data);

        Assert.Equal([null, null, null, null, "120", null, "900", null, null], Values(sheet, "6"));
        Assert.Equal(["0", "0", null, "0", "5", null, "0", "0", null], Values(sheet, "7"));
        Assert.Equal(["0", "0", null, null, "125", null, "900", "0", "0"], Values(sheet, "5"));
    }

    [Fact]
    public void Write_WhenCountsAreFractional_StoresUnroundedNumbersNotText()
    {
        var sheet = ReadSheet(TrieuSon);

        var figures = sheet.Descendants<Row>()
            .Where(row => row.RowIndex! > 4)
            .SelectMany(row => row.Elements<Cell>())
            .Where(cell => !cell.CellReference!.Value!.StartsWith('B'))
            .ToList();
        Assert.Equal(3 * 10, figures.Count);
        Assert.All(figures, cell => Assert.Null(cell.DataType));
        Assert.Equal("1000.4", Cell(sheet, "C7").CellValue?.Text);
        Assert.Equal("990.6", Cell(sheet, "D7").CellValue?.Text);
        Assert.Equal((double)(990.6m * 100 / 1000.4m), double.Parse(Cell(sheet, "E7").CellValue!.Text, CultureInfo.InvariantCulture));
    }

    private static string WriteFile(TempFolder folder, AnnexData data)
    {
        var path = Path.Combine(folder.Path, "phu-bieu.xlsx");
        using (var file = File.Create(path))
        {
            AnnexWorkbook.Write(file, data);
        }

        return path;
    }

    private static Worksheet ReadSheet(AnnexData data)
    {
        using var stream = new MemoryStream();
        AnnexWorkbook.Write(stream, data);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single();
        Assert.Equal(AnnexWorkbook.SheetName, sheet.Name?.Value);
        return (Worksheet)((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.CloneNode(deep: true);
    }

    private static Cell Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(cell => cell.CellReference?.Value == reference);

    // The nine measure cells C..K of a row; null where the cell holds no value.
    private static string?[] Values(Worksheet sheet, string row) =>
        [.. "CDEFGHIJK".Select(column => Cell(sheet, $"{column}{row}").CellValue?.Text)];
}
