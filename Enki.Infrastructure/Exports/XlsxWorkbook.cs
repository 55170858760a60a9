using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Enki.Infrastructure.Exports;

/// <summary>
/// One sheet of a workbook: a bold frozen header row, readable widths, and rows whose values are written
/// by their type — a <see cref="DateTime"/> (local time) as a real date, an <see cref="int"/> as a number,
/// anything else as text.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<double> Widths, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>Writes workbooks of one or more sheets (DocumentFormat.OpenXml), for the exports of crises.</summary>
public static class XlsxWorkbook
{
    // Indexes into the cell formats written by Styles().
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint DateFormatId = 164; // custom number formats start at 164

    public static byte[] Write(params IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(new Row(sheet.Headers.Select(h => Text(h, HeaderStyle))));
                foreach (var row in sheet.Rows) data.Append(new Row(row.Select(Cell)));
                sheetPart.Worksheet = new Worksheet(
                    new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                    new Columns(sheet.Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                    data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = SheetName(sheet.Name) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell Cell(object? value) => value switch
    {
        DateTime local => new Cell { CellValue = new CellValue(local.ToOADate().ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = DateStyle },
        int number => new Cell { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        _ => Text(value?.ToString() ?? ""),
    };

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
    public static string SheetName(string title)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        return name.Length == 0 ? "Feuille" : name.Length > 31 ? name[..31] : name;
    }
}
