using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Logbook;

namespace Enki.Tests.Crises;

/// <summary>Exports read back: the CSV as French Excel reads it, the XLSX through OpenXml.</summary>
public sealed class LogbookExportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Crisis = Guid.NewGuid();

    private static readonly LogbookEntry[] Entries =
    [
        LogbookEntry.Write(Crisis, "sdis77", "CODIS 77", "SDIS 77", LogbookEntryKind.Decision, "Fermeture du pont; détour par \"Meaux\"\nà partir de 10 h", ["pont"], null, At),
        LogbookEntry.Write(Crisis, "maire-chelles", "Maire de Chelles", null, LogbookEntryKind.Information, "Gymnase ouvert", [], null, At.AddMinutes(5)),
    ];

    [Fact]
    public void Csv_has_a_bom_semicolons_and_parses_back()
    {
        var bytes = LogbookCsv.Write(LogbookRows.Of(Entries, "77"));

        var rows = Security.CsvInjectionTests.Read(bytes);
        Assert.Equal(3, rows.Count);
        Assert.Equal(LogbookRows.Headers, rows[0]);
        Assert.Equal("2026-11-28 10:30:00", rows[1][0]); // Paris time
        Assert.Equal("Décision", rows[1][1]);
        Assert.Equal("Fermeture du pont; détour par \"Meaux\"\nà partir de 10 h", rows[1][4]);
        Assert.Equal("Gymnase ouvert", rows[2][4]);
    }

    [Fact]
    public void Xlsx_opens_with_openxml_and_has_the_rows()
    {
        var bytes = LogbookXlsx.Write("Crue de la Marne : Chelles/Meaux", LogbookRows.Of(Entries, "77"));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single();
        Assert.Equal("Crue de la Marne  ChellesMeaux", sheet.Name!.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Texte", rows[0][4]);
        Assert.Equal("Maire de Chelles", rows[2][2]);
        Assert.Equal(Entries[0].Id.ToString(), rows[1][6]);
    }
}
