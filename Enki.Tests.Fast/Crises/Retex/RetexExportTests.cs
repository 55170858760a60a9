using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Enki.Application.Crises.Retex;
using Enki.Domain.Crises;
using Enki.Domain.Crises.Retex;
using Enki.Infrastructure.Crises.Retex;
using Enki.Tests.Geography;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Enki.Tests.Crises.CrisisViewers;
using static Enki.Tests.Crises.Retex.RetexStory;

namespace Enki.Tests.Crises.Retex;

/// <summary>The RETEX exports opened back: the workbook with DocumentFormat.OpenXml, the PDF with PdfPig.</summary>
[Collection(GeographyCollection.Name)]
public sealed class RetexExportTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly CrisisStore _store = new(geography.Geography);
    private Crisis _crisis = null!;

    private RetexQueries Queries => _store.Services.GetRequiredService<RetexQueries>();

    public async Task InitializeAsync()
    {
        _crisis = await SeedAsync(_store);
        var commands = _store.Services.GetRequiredService<RetexCommands>();
        var version = await commands.SaveAsync(Sdis77, _crisis.Id, null, "Évacuation décidée en 25 minutes", "Bilans NexSIS reçus avec 20 minutes de retard",
            [new CorrectiveAction("Vérifier la liaison NexSIS du CTA", "SDIS 77", new DateOnly(2027, 1, 15))]);
        await commands.FreezeAsync(Sdis77, _crisis.Id, version);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Workbook_has_the_five_sheets_with_the_late_triage_and_the_headings()
    {
        var bytes = RetexXlsx.Write((await Queries.ReadAsync(Sdis77, _crisis.Id))!);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(["Chronologie", "Chiffres par heure", "Demandes", "Avertissements", "Retour d'expérience"], sheets.Select(s => s.Name!.Value));
        List<string[]> Rows(int sheet) => [.. ((WorksheetPart)workbook.GetPartById(sheets[sheet].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray())];

        var timeline = Rows(0);
        var triage = timeline.Single(r => r[4].StartsWith("Bilan victimes"));
        // 09:10 and 09:30 Paris as real dates (OLE automation days), 20 minutes apart.
        Assert.Equal(new DateTime(2026, 11, 28, 9, 10, 0).ToOADate(), double.Parse(triage[0], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 0).ToOADate(), double.Parse(triage[1], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("20", triage[2]);
        Assert.Equal("Intervention", triage[3]);

        var hours = Rows(1);
        Assert.Equal(4, hours.Count);
        Assert.Equal(["0", "1"], hours[2][1..3]);

        Assert.Equal(["Ouvrir le gymnase", "CODIS 77", "Chelles (77108)"], Rows(2)[1][1..4]);
        Assert.Equal("Refusée : Gymnase déjà occupé", Rows(2)[1][5]);

        Assert.Equal(["Victimes à Chelles : 2 UA", "victimes", "oui"], Rows(3)[1][2..5]);
        Assert.Equal("Maire de Chelles", Rows(3)[1][6]);

        var review = Rows(4);
        Assert.StartsWith("Figé par CODIS 77 le 28/11/2026 à 10:05", review[1][1]);
        Assert.Equal(["Points forts", "Évacuation décidée en 25 minutes"], review[2]);
        Assert.Equal(["Action corrective", "Vérifier la liaison NexSIS du CTA", "SDIS 77", "15/01/2027"], review[4]);
    }

    [SkippableFact]
    public async Task Pdf_reads_back_with_the_usual_headings_the_late_line_and_the_actions()
    {
        var bytes = RetexPdf.Write((await Queries.ReadAsync(Sdis77, _crisis.Id))!);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "enki-retex.pdf"), bytes);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[]
                 {
                     "RETOUR D'EXPÉRIENCE (RETEX)", "1. Chronologie", "2. Chiffres par heure", "3. Points forts", "4. Axes d'amélioration",
                     "5. Actions correctives", "28/11 09:10 connu 09:30 Intervention — Bilan victimes", "Évacuation décidée en 25 minutes",
                     "1. Vérifier la liaison NexSIS du CTA", "Responsable : SDIS 77 · échéance : 15/01/2027", "Figé par CODIS 77",
                     "28/11 09:00 en cours 0 (1)",
                 })
        {
            Assert.Contains(expected, text);
        }
        Assert.DoesNotContain("06 12 34", text);
        Assert.Equal("RETEX — Crise Inondation", pdf.Information.Title);
    }
}
