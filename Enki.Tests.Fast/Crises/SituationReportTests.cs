using Enki.Application.Crises.Report;
using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Crises.Report;
using Enki.Tests.Geography;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Enki.Tests.Crises.CrisisViewers;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Crises;

/// <summary>
/// The point de situation is built from the current state: requests by their status now (a refused one
/// is an unmet need, not a pending one), hand-written entries still standing, the pilot's own situation.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class SituationReportTests(GeographyFixture geography) : IAsyncLifetime
{
    private CrisisStore _store = null!;
    private Crisis _crisis = null!;
    private readonly Incident _flood = Open("INOND-CHELLES", Chelles, "C08.03.00");
    private readonly Incident _fire = Open("FEU-CHELLES", Chelles, "C04.02.01", minutesAfterT0: 5);

    private SituationReportQueries Reports => _store.Services.GetRequiredService<SituationReportQueries>();

    private SituationReportCommands Writer => _store.Services.GetRequiredService<SituationReportCommands>();

    public async Task InitializeAsync()
    {
        _store = await new CrisisStore(geography.Geography).InitializeAsync();
        await _store.AddAsync(_flood, _fire);
        _crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        await _store.Commands.AttachIncidentAsync(Sdis77, _crisis.Id, _flood.Id);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<MobilisationRequest> RequestAsync(string resource, TimeSpan deadline, params (MobilisationAction Action, string? Reason)[] steps)
    {
        var directory = _store.Services.GetRequiredService<ITerritoryDirectory>();
        var request = MobilisationRequest.Issue(new MobilisationDraft
        {
            Object = $"Besoin : {resource}", ResourceKind = resource, PlaceText = "Quartier des Coudreaux", RecipientCommune = "77108",
            Deadline = _store.Now + deadline, CrisisId = _crisis.Id,
        }, Sdis77, "SDIS 77", directory, _store.Now);
        foreach (var (action, reason) in steps) request.Apply(action, MayorOfChelles, _store.Now, reason);
        await using var db = await _store.DbFactory.CreateDbContextAsync();
        db.MobilisationRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    private static ReportBlock Block(SituationReport report, string section, string? heading) =>
        ReportSections.Of(report).Single(s => s.Title == section).Blocks.Single(b => b.Heading == heading);

    private static string Text(SituationReport report, string section) =>
        string.Join("\n", ReportSections.Of(report).Single(s => s.Title == section).Blocks.SelectMany(b => b.Lines).Select(l => $"{l.Text} · {l.Note}"));

    [Fact]
    public async Task Requests_appear_once_under_the_heading_of_their_current_status()
    {
        await RequestAsync("Gymnase", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Refuse, "Gymnase déjà occupé"));
        await RequestAsync("Barrières", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Accept, null));
        await RequestAsync("Sacs de sable", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Accept, null), (MobilisationAction.Start, null));
        await RequestAsync("Navette", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Accept, null),
            (MobilisationAction.Start, null), (MobilisationAction.Complete, null));
        await RequestAsync("Lits de camp", TimeSpan.FromHours(2));
        await RequestAsync("Groupe électrogène", TimeSpan.FromMinutes(30), (MobilisationAction.Receive, null));
        _store.Advance(TimeSpan.FromHours(1));

        var report = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;

        Assert.Contains("Gymnase — Chelles (77108) · motif : Gymnase déjà occupé", Text(report, "Besoins"));
        Assert.DoesNotContain("Gymnase", Text(report, "Demandes en cours"));
        Assert.DoesNotContain("Gymnase", Text(report, "Perspectives"));
        Assert.Equal(["Barrières — Chelles (77108)", "Sacs de sable — Chelles (77108)"],
            Block(report, "Moyens engagés", "Moyens communaux mobilisés (demandes acceptées ou en cours)").Lines.Select(l => l.Text).Order());
        Assert.Equal(["Navette — Chelles (77108)"], Block(report, "Actions menées", "Demandes réalisées").Lines.Select(l => l.Text));
        Assert.Equal(["Lits de camp — Chelles (77108)"], Block(report, "Demandes en cours", "En attente de réponse").Lines.Select(l => l.Text));
        var late = Assert.Single(Block(report, "Demandes en cours", "En retard").Lines);
        Assert.Equal("Groupe électrogène — Chelles (77108)", late.Text);
        Assert.True(late.IsAlert);
    }

    [Fact]
    public async Task Decisions_taken_are_actions_not_next_steps_and_corrected_or_automatic_entries_are_left_out()
    {
        var wrong = await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont de Gournay");
        _store.Tick();
        await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont de Chelles", corrects: wrong);
        await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Action, "Deux motopompes engagées quai Auguste Prévost");
        await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Request, "Besoin de 200 lits de camp");
        await _store.Writer.RecordAsync(_crisis.Id, MayorOfChelles, LogbookEntryKind.Decision, "Demande refusée : gymnase", ["mobilisation"]);

        var report = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;

        Assert.Equal(["Fermeture du pont de Chelles"], Block(report, "Actions menées", "Décisions").Lines.Select(l => l.Text));
        Assert.Equal(["Deux motopompes engagées quai Auguste Prévost"], Block(report, "Actions menées", "Actions").Lines.Select(l => l.Text));
        Assert.Equal(["Besoin de 200 lits de camp"], Block(report, "Besoins", "Besoins exprimés").Lines.Select(l => l.Text));
        Assert.DoesNotContain("pont", Text(report, "Perspectives"));
        Assert.DoesNotContain(ReportSections.Of(report).SelectMany(s => s.Blocks).SelectMany(b => b.Lines),
            l => l.Text.Contains("Incident rattaché") || l.Text.Contains("refusée : gymnase"));
    }

    [Fact]
    public async Task Without_a_pilots_situation_the_report_says_so_and_a_pilot_writes_it()
    {
        var before = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;
        Assert.Null(before.Situation);
        Assert.Equal("Aucune perspective rédigée par un pilote.", Block(before, "Perspectives", null).Empty);

        // The mayor contributes (ORSEC default) but does not pilot: the situation is the pilots'.
        await Assert.ThrowsAsync<CrisisRefused>(() => Writer.WriteAsync(MayorOfChelles, _crisis.Id, "Tout va bien", null));
        await Writer.WriteAsync(Sdis77, _crisis.Id, "Montée de la Marne de 40 cm depuis 6 h.", "Décrue attendue demain matin.");

        var after = (await Reports.ReadAsync(MayorOfChelles, _crisis.Id))!;
        Assert.Equal("Montée de la Marne de 40 cm depuis 6 h.", after.Situation!.Text);
        Assert.Equal(["Décrue attendue demain matin."], Block(after, "Perspectives", null).Lines.Select(l => l.Text));

        // A newer situation without outlook: the old outlook no longer stands.
        _store.Tick();
        await Writer.WriteAsync(Sdis77, _crisis.Id, "Décrue amorcée.", null);
        var latest = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;
        Assert.Equal("Décrue amorcée.", latest.Situation!.Text);
        Assert.Null(latest.Outlook);
    }

    [Fact]
    public async Task Attached_incidents_are_listed_with_their_figures_and_drawn_on_the_territory_map()
    {
        var report = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;

        var incident = Assert.Single(report.Incidents);
        Assert.Equal(_flood.Id, incident.Id);
        Assert.Equal(1, report.Figures.InProgress);
        Assert.False(report.Map.IsEmpty);
        Assert.Contains(report.Map.Shapes, s => s.IsEdge);
        var marker = Assert.Single(report.Map.Markers);
        Assert.InRange(marker.At.X, 0, report.Map.Width);
        Assert.InRange(marker.At.Y, 0, report.Map.Height);
    }

    [Fact]
    public async Task Pdf_is_one_A4_page_that_PdfPig_reads_back_with_every_heading_and_the_map()
    {
        await RequestAsync("Gymnase", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Refuse, "Gymnase déjà occupé"));
        await Writer.WriteAsync(Sdis77, _crisis.Id, "Montée de la Marne de 40 cm depuis 6 h. Quartier des Coudreaux évacué.", "Décrue attendue demain matin.");
        var report = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;

        var bytes = SituationReportPdf.Write(report);

        using var pdf = PdfDocument.Open(bytes);
        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        var words = string.Join(" ", page.GetWords().Select(w => w.Text));
        foreach (var expected in new[] { "POINT DE SITUATION", "Crise Inondation", "1. Situation", "2. Moyens engagés", "3. Actions menées",
                     "4. Demandes en cours", "5. Besoins", "6. Perspectives", "Montée de la Marne", "Décrue attendue", "Gymnase déjà occupé" })
        {
            Assert.Contains(expected, words);
        }
        // The map: the territory's outline drawn as paths, no image from a tile server.
        Assert.NotEmpty(page.Paths);
        Assert.Empty(page.GetImages());
        Assert.Equal("Point de situation — Crise Inondation", pdf.Information.Title);
    }

    [Fact]
    public async Task A_crisis_with_long_lists_still_prints_on_one_A4_saying_how_many_lines_it_leaves_out()
    {
        var padding = string.Join(" ", Enumerable.Repeat("arbres tombés, toitures arrachées et routes coupées", 5));
        for (var i = 1; i <= 20; i++)
        {
            await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Decision, $"Décision {i} : {padding}");
            await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Action, $"Action {i} : {padding}");
            await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Request, $"Besoin {i} : {padding}");
            _store.Tick();
        }
        for (var i = 1; i <= 12; i++)
        {
            await RequestAsync($"Gymnase {i}", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Refuse, $"Occupé {i}"));
            await RequestAsync($"Lits {i}", TimeSpan.FromHours(2));
            await RequestAsync($"Barrières {i}", TimeSpan.FromHours(2), (MobilisationAction.Receive, null), (MobilisationAction.Accept, null));
        }
        await Writer.WriteAsync(Sdis77, _crisis.Id, string.Join(" ", Enumerable.Repeat("Montée de la Marne de 40 cm depuis 6 h.", 12)), "Décrue attendue demain.");
        var report = (await Reports.ReadAsync(Sdis77, _crisis.Id))!;

        var sections = ReportSections.Of(report);
        var decisions = sections.Single(s => s.Title == "Actions menées").Blocks.Single(b => b.Heading == "Décisions").Lines;
        Assert.Equal($"… et {20 - (decisions.Count - 1)} autres", decisions[^1].Text);
        Assert.All(sections.SelectMany(s => s.Blocks).SelectMany(b => b.Lines), l => Assert.InRange(l.Text.Length, 1, ReportSections.MaxLineText));

        var bytes = SituationReportPdf.Write(report);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "enki-long-report.pdf"), bytes);
        using var pdf = PdfDocument.Open(bytes);
        var page = Assert.Single(pdf.GetPages());
        var words = string.Join(" ", page.GetWords().Select(w => w.Text));
        Assert.Contains("autres", words);
        Assert.Contains("6. Perspectives", words);
        Assert.Contains("Décrue attendue demain.", words);
        // Nothing runs into the footer or off the sheet.
        var footer = page.GetWords().Where(w => w.Text == "Enki").Min(w => w.BoundingBox.Bottom);
        Assert.All(page.GetWords().Where(w => w.BoundingBox.Bottom > footer + 12), w => Assert.InRange(w.BoundingBox.Top, 0, page.Height - 30));
    }

    [Fact]
    public async Task A_large_department_is_drawn_by_its_edge_with_only_the_communes_where_incidents_are()
    {
        // Seine-et-Marne has over 500 communes: all of them would be a grey smudge on paper.
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Storm, "departement:77");
        await _store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, _flood.Id);
        await _store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, _fire.Id);

        var report = (await Reports.ReadAsync(Sdis77, crisis.Id))!;

        var edge = Assert.Single(report.Map.Shapes, s => s.IsEdge);
        Assert.True(edge.Rings.Max(r => r.Count) > 20, "the department's own outline, not a box");
        // Both incidents are in Chelles: its outline alone among the communes.
        Assert.Single(report.Map.Shapes, s => !s.IsEdge);
        Assert.Equal(2, report.Map.Markers.Count);
        Assert.All(report.Map.Markers, m => Assert.InRange(m.At.X, 0, report.Map.Width));
    }
}
