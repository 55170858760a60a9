using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Logbook;
using ExcelDataReader;
using Sylvan.Data.Csv;

namespace Enki.Tests.Crises;

/// <summary>Exports read back, each also by a reader other than its writer: the CSV by Sylvan, the XLSX by ExcelDataReader.</summary>
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
        var bytes = LogbookXlsx.Write("Crue de la Marne : Chelles/Meaux", Entries, "77");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single();
        Assert.Equal("Crue de la Marne  ChellesMeaux", sheet.Name!.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Texte", rows[0].Elements<Cell>().ElementAt(4).InnerText);
        Assert.Equal("Maire de Chelles", rows[2].Elements<Cell>().ElementAt(2).InnerText);
        Assert.Equal(Entries[0].Id.ToString(), rows[1].Elements<Cell>().ElementAt(6).InnerText);
        // The time is a number with a date format, not text.
        var time = rows[1].Elements<Cell>().First();
        Assert.Equal(CellValues.Number, time.DataType!.Value);
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)time.StyleIndex!.Value);
        var code = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Equal("dd/mm/yyyy hh:mm:ss", code);
    }

    [Fact]
    public void Xlsx_read_by_ExcelDataReader_gives_real_dates_in_Paris_time()
    {
        var bytes = LogbookXlsx.Write("Crue de la Marne", Entries, "77");
        // ExcelDataReader sets up a Windows code page even for XLSX: .NET has it only once registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        Assert.True(reader.Read());
        Assert.Equal("Date et heure", reader.GetString(0));
        Assert.True(reader.Read());
        Assert.Equal(new DateTime(2026, 11, 28, 10, 30, 0), reader.GetDateTime(0));
        Assert.Equal("Décision", reader.GetString(1));
        Assert.Equal("Fermeture du pont; détour par \"Meaux\"\nà partir de 10 h", reader.GetString(4));
        Assert.True(reader.Read());
        Assert.Equal(new DateTime(2026, 11, 28, 10, 35, 0), reader.GetDateTime(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Csv_read_by_Sylvan_gives_the_same_fields()
    {
        var bytes = LogbookCsv.Write(LogbookRows.Of(Entries, "77"));

        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = ';' });
        Assert.Equal(LogbookRows.Headers, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.True(reader.Read());
        Assert.Equal("2026-11-28 10:30:00", reader.GetString(0));
        Assert.Equal("Fermeture du pont; détour par \"Meaux\"\nà partir de 10 h", reader.GetString(4));
        Assert.True(reader.Read());
        Assert.Equal("Gymnase ouvert", reader.GetString(4));
        Assert.False(reader.Read());
    }
}
