using Enki.Domain.Logbook;
using Enki.Infrastructure.Exports;

namespace Enki.Infrastructure.Logbook;

/// <summary>
/// One-sheet workbook of the main courante: the time as a real date (a number with a date format, so
/// readers sort and filter it), the rest as inline strings, a bold frozen header row, readable widths.
/// </summary>
public static class LogbookXlsx
{
    private static readonly double[] Widths = [20, 18, 24, 28, 80, 24, 38, 38];

    public static byte[] Write(string sheetTitle, IEnumerable<LogbookEntry> entries, string? departmentCode) =>
        XlsxWorkbook.Write(new XlsxSheet(SheetName(sheetTitle), LogbookRows.Headers, Widths,
            entries.Select(entry => (IReadOnlyList<object?>)[LogbookRows.LocalTime(entry, departmentCode), .. LogbookRows.Cells(entry, departmentCode).Skip(1)])));

    private static string SheetName(string title)
    {
        var name = XlsxWorkbook.SheetName(title);
        return name == "Feuille" ? "Main courante" : name;
    }
}
