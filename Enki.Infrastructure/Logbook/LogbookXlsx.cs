using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Enki.Infrastructure.Logbook;

/// <summary>One-sheet workbook of the main courante: inline strings, a frozen header row, readable widths.</summary>
public static class LogbookXlsx
{
    private static readonly double[] Widths = [20, 18, 24, 28, 80, 24, 38, 38];

    public static byte[] Write(string sheetTitle, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(LogbookRows.Headers));
            foreach (var row in rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetTitle) }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IEnumerable<string> values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(v)) { Space = SpaceProcessingModeValues.Preserve }) }));

    /// <summary>Excel refuses control characters other than tab and line breaks.</summary>
    private static string Clean(string value) => new(value.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray());

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        return name.Length == 0 ? "Main courante" : name.Length > 31 ? name[..31] : name;
    }
}
