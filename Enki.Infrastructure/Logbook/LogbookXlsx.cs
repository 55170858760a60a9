using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Enki.Domain.Logbook;

namespace Enki.Infrastructure.Logbook;

/// <summary>
/// One-sheet workbook of the main courante: the time as a real date (a number with a date format, so
/// readers sort and filter it), the rest as inline strings, a bold frozen header row, readable widths.
/// </summary>
public static class LogbookXlsx
{
    private static readonly double[] Widths = [20, 18, 24, 28, 80, 24, 38, 38];

    // Indexes into the cell formats written by Styles().
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint DateFormatId = 164; // custom number formats start at 164

    public static byte[] Write(string sheetTitle, IEnumerable<LogbookEntry> entries, string? departmentCode)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(LogbookRows.Headers.Select(h => Text(h, HeaderStyle))));
            foreach (var entry in entries)
            {
                var cells = LogbookRows.Cells(entry, departmentCode);
                data.Append(new Row([Date(LogbookRows.LocalTime(entry, departmentCode)), .. cells.Skip(1).Select(v => Text(v))]));
            }
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetTitle) }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell Date(DateTime local) =>
        new() { CellValue = new CellValue(local.ToOADate().ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = DateStyle };

    private static Cell Text(string value, uint style = 0) =>
        new() { DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style, InlineString = new InlineString(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }) };

    /// <summary>The minimum a stylesheet must hold (a font, the two reserved fills, a border), then the date and header formats.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy hh:mm:ss" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });

    /// <summary>Excel refuses control characters other than tab and line breaks.</summary>
    private static string Clean(string value) => new(value.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray());

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        return name.Length == 0 ? "Main courante" : name.Length > 31 ? name[..31] : name;
    }
}
