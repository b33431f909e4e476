using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BaoPhu.Reporting.BuildAnnex;

/// <summary>
/// Writes the annex "Phụ biểu: giao chỉ tiêu phát triển đối tượng tham gia BHXH" as .xlsx, laid out as
/// the plans in the seeds print it. The sheet is streamed row by row, so a province's few thousand
/// communes do not build a document tree in memory.
/// </summary>
internal static class AnnexWorkbook
{
    public const string SheetName = "Phụ biểu";

    private const string ColumnLetters = "ABCDEFGHIJK";
    private const int HeaderRows = 4;

    private static readonly string[] Groups = ["Bảo hiểm xã hội bắt buộc", "Bảo hiểm xã hội tự nguyện", "Bảo hiểm thất nghiệp"];

    private static readonly string[] GroupColumns = ["Số người thuộc diện tham gia", "Số người tham gia", "Tỷ lệ tham gia (%)"];

    public static void Write(Stream output, AnnexData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = AnnexStyles.Create();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(worksheetPart))
        {
            WriteWorksheet(writer, data);
        }

        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(worksheetPart) }),
            // Repeats the column headers on every printed page.
            new DefinedNames(new DefinedName($"'{SheetName}'!$3:${HeaderRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
    }

    /// <summary>Participants per person required, in percent; unknown rather than infinite when nobody is required.</summary>
    internal static decimal? Rate(decimal? participants, decimal? required) =>
        participants is { } count && required is { } of && of != 0 ? count * 100 / of : null;

    private static void WriteWorksheet(OpenXmlWriter writer, AnnexData data)
    {
        var lastRow = HeaderRows + 1 + data.Rows.Count;
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetDimension { Reference = $"A1:{ColumnLetters[^1]}{lastRow}" });
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = HeaderRows,
                TopLeftCell = $"A{HeaderRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{HeaderRows + 1}", SequenceOfReferences = new([$"A{HeaderRows + 1}"]) })
        { TabSelected = true, WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(
            Column(1, 1, 6),
            Column(2, 2, 30),
            Column(3, (uint)ColumnLetters.Length, 14)));

        writer.WriteStartElement(new SheetData());
        WriteTitle(writer, data);
        WriteHeader(writer);
        WriteUnit(writer, HeaderRows + 1, ordinal: null, data.Total, total: true);
        for (var i = 0; i < data.Rows.Count; i++)
        {
            WriteUnit(writer, HeaderRows + 2 + i, ordinal: i + 1, data.Rows[i], total: false);
        }

        writer.WriteEndElement();

        string[] merged =
        [
            $"A1:{ColumnLetters[^1]}1",
            $"A2:{ColumnLetters[^1]}2",
            "A3:A4",
            "B3:B4",
            .. Enumerable.Range(0, Groups.Length).Select(g => $"{ColumnLetters[GroupStart(g)]}3:{ColumnLetters[GroupStart(g) + 2]}3"),
        ];
        writer.WriteElement(new MergeCells(merged.Select(reference => new MergeCell { Reference = reference })) { Count = (uint)merged.Length });
        writer.WriteElement(new PrintOptions { HorizontalCentered = true });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        // A4 landscape, one page wide and as many pages tall as the units need.
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement();
    }

    private static void WriteTitle(OpenXmlWriter writer, AnnexData data)
    {
        StartRow(writer, 1, height: 24);
        WriteText(writer, "A1", $"PHỤ BIỂU: GIAO CHỈ TIÊU PHÁT TRIỂN ĐỐI TƯỢNG THAM GIA BẢO HIỂM XÃ HỘI NĂM {data.Year.ToString(CultureInfo.InvariantCulture)}", AnnexStyles.Title);
        writer.WriteEndElement();

        StartRow(writer, 2, height: 20);
        WriteText(writer, "A2", data.UnitName, AnnexStyles.Subtitle);
        writer.WriteEndElement();
    }

    private static void WriteHeader(OpenXmlWriter writer)
    {
        // Every cell of a merged range carries the border, or Excel draws the box only around its first cell.
        StartRow(writer, 3, height: 20);
        WriteText(writer, "A3", "STT", AnnexStyles.Header);
        WriteText(writer, "B3", "Đơn vị", AnnexStyles.Header);
        for (var group = 0; group < Groups.Length; group++)
        {
            var first = GroupStart(group);
            WriteText(writer, $"{ColumnLetters[first]}3", Groups[group], AnnexStyles.Header);
            WriteEmpty(writer, $"{ColumnLetters[first + 1]}3", AnnexStyles.Header);
            WriteEmpty(writer, $"{ColumnLetters[first + 2]}3", AnnexStyles.Header);
        }

        writer.WriteEndElement();

        StartRow(writer, 4, height: 50);
        WriteEmpty(writer, "A4", AnnexStyles.Header);
        WriteEmpty(writer, "B4", AnnexStyles.Header);
        for (var column = GroupStart(0); column < ColumnLetters.Length; column++)
        {
            WriteText(writer, $"{ColumnLetters[column]}4", GroupColumns[(column - GroupStart(0)) % GroupColumns.Length], AnnexStyles.Header);
        }

        writer.WriteEndElement();
    }

    private static void WriteUnit(OpenXmlWriter writer, int rowIndex, int? ordinal, AnnexRow row, bool total)
    {
        var count = total ? AnnexStyles.TotalCount : AnnexStyles.Count;
        var rate = total ? AnnexStyles.TotalRate : AnnexStyles.Rate;
        var r = rowIndex.ToString(CultureInfo.InvariantCulture);

        StartRow(writer, rowIndex, height: null);
        if (ordinal is { } n)
        {
            WriteNumber(writer, "A" + r, n, AnnexStyles.Ordinal);
        }
        else
        {
            WriteEmpty(writer, "A" + r, AnnexStyles.Ordinal);
        }

        WriteText(writer, "B" + r, total ? "TỔNG SỐ" : row.UnitName, total ? AnnexStyles.TotalText : AnnexStyles.Text);
        WriteMeasure(writer, GroupStart(0), r, row.CompulsoryRequired, row.CompulsoryParticipants, count, rate);
        WriteMeasure(writer, GroupStart(1), r, row.VoluntaryEligible, row.VoluntaryParticipants, count, rate);
        WriteMeasure(writer, GroupStart(2), r, row.UiRequired, row.UiParticipants, count, rate);
        writer.WriteEndElement();
    }

    // The rate is derived from the unrounded counts of the same row, never summed or taken from the
    // rounded display, so that a total's rate is the total's own ratio.
    private static void WriteMeasure(OpenXmlWriter writer, int first, string r, decimal? required, decimal? participants, uint count, uint rate)
    {
        WriteNumber(writer, ColumnLetters[first] + r, required, count);
        WriteNumber(writer, ColumnLetters[first + 1] + r, participants, count);
        WriteRate(writer, ColumnLetters[first + 2] + r, Rate(participants, required), rate);
    }

    // STT and Đơn vị come first; each group then takes three columns.
    private static int GroupStart(int group) => 2 + (group * GroupColumns.Length);

    private static void StartRow(OpenXmlWriter writer, int index, double? height) =>
        writer.WriteStartElement(height is { } points
            ? new Row { RowIndex = (uint)index, Height = points, CustomHeight = true }
            : new Row { RowIndex = (uint)index });

    private static void WriteText(OpenXmlWriter writer, string reference, string text, uint style) =>
        // Inline strings keep the writer forward-only: a shared-string table would have to be held until the end.
        writer.WriteElement(new Cell(new InlineString(new Text(text)))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        });

    private static void WriteNumber(OpenXmlWriter writer, string reference, decimal? value, uint style) =>
        WriteValue(writer, reference, value is { } number ? new CellValue(number) : null, style);

    // Spreadsheets hold doubles: a 28-digit decimal quotient would only be cut back when read.
    private static void WriteRate(OpenXmlWriter writer, string reference, decimal? value, uint style) =>
        WriteValue(writer, reference, value is { } rate ? new CellValue((double)rate) : null, style);

    private static void WriteValue(OpenXmlWriter writer, string reference, CellValue? value, uint style) =>
        writer.WriteElement(value is null
            ? new Cell { CellReference = reference, StyleIndex = style }
            : new Cell(value) { CellReference = reference, StyleIndex = style });

    private static void WriteEmpty(OpenXmlWriter writer, string reference, uint style) => WriteValue(writer, reference, null, style);

    private static Column Column(uint min, uint max, double width) =>
        new() { Min = min, Max = max, Width = width, CustomWidth = true };
}
