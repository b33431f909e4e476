using DocumentFormat.OpenXml.Spreadsheet;

namespace BaoPhu.Reporting.BuildAnnex;

/// <summary>The annex's cell formats; the numbers are indices into <see cref="Create"/>'s cellXfs.</summary>
internal static class AnnexStyles
{
    public const uint Title = 1;
    public const uint Subtitle = 2;
    public const uint Header = 3;
    public const uint Text = 4;
    public const uint Ordinal = 5;
    public const uint Count = 6;
    public const uint Rate = 7;
    public const uint TotalText = 8;
    public const uint TotalCount = 9;
    public const uint TotalRate = 10;

    // The [$-42A] tag (LCID 0x042A, vi-VN) makes LibreOffice display the format with Vietnamese
    // separators (15.890; 97,7) whatever the machine's locale; without it LibreOffice follows the
    // locale and an English machine shows 15,890. Excel accepts the tag and applies its own separators.
    public const string CountFormatCode = "[$-42A]#,##0";
    public const string RateFormatCode = "[$-42A]0.0";

    private const uint CountFormatId = 164;
    private const uint RateFormatId = 165;

    private const uint RegularFont = 0;
    private const uint BoldFont = 1;
    private const uint TitleFont = 2;

    private const uint NoBorder = 0;
    private const uint ThinBorder = 1;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = CountFormatId, FormatCode = CountFormatCode },
            new NumberingFormat { NumberFormatId = RateFormatId, FormatCode = RateFormatCode })
        { Count = 2 },
        new Fonts(Font(bold: false, 12), Font(bold: true, 12), Font(bold: true, 14)) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = RegularFont, FillId = 0, BorderId = NoBorder, FormatId = 0 },
            Format(0, TitleFont, NoBorder, HorizontalAlignmentValues.Center, wrap: true),
            Format(0, BoldFont, NoBorder, HorizontalAlignmentValues.Center, wrap: true),
            Format(0, BoldFont, ThinBorder, HorizontalAlignmentValues.Center, wrap: true),
            Format(0, RegularFont, ThinBorder, HorizontalAlignmentValues.Left, wrap: true),
            Format(0, RegularFont, ThinBorder, HorizontalAlignmentValues.Center, wrap: false),
            Format(CountFormatId, RegularFont, ThinBorder, HorizontalAlignmentValues.Right, wrap: false),
            Format(RateFormatId, RegularFont, ThinBorder, HorizontalAlignmentValues.Right, wrap: false),
            Format(0, BoldFont, ThinBorder, HorizontalAlignmentValues.Center, wrap: true),
            Format(CountFormatId, BoldFont, ThinBorder, HorizontalAlignmentValues.Right, wrap: false),
            Format(RateFormatId, BoldFont, ThinBorder, HorizontalAlignmentValues.Right, wrap: false))
        { Count = 11 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    // Official documents are set in Times New Roman, which every Vietnamese office machine has.
    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontCharSet { Val = 163 });
        return font;
    }

    private static CellFormat Format(uint numberFormatId, uint fontId, uint borderId, HorizontalAlignmentValues horizontal, bool wrap) =>
        new(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null })
        {
            NumberFormatId = numberFormatId,
            FontId = fontId,
            FillId = 0,
            BorderId = borderId,
            FormatId = 0,
            ApplyNumberFormat = numberFormatId != 0 ? true : null,
            ApplyFont = fontId != RegularFont ? true : null,
            ApplyBorder = borderId != NoBorder ? true : null,
            ApplyAlignment = true,
        };
}
