using Enki.Application.Crises;
using System.Net;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises;

/// <summary>Crisis pages and exports through the real app: another commune's crisis does not exist.</summary>
[Collection(WebCollection.Name)]
public sealed class CrisisHttpTests(CrisisHttpTests.Host host) : IClassFixture<CrisisHttpTests.Host>, IAsyncLifetime
{
    /// <summary>One host for the class; each test opens a crisis of its own in it.</summary>
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory());

    private readonly EnkiWebApplicationFactory _app = host.App;
    private Crisis _chelles = null!;

    public async Task InitializeAsync()
    {
        _chelles = await _app.Services.GetRequiredService<CrisisCommands>().OpenAsync(Sdis77, new CrisisDraft(
            "Crue de la Marne", CrisisType.Flood, null, [Domain.Access.Jurisdiction.Commune("77108")], DateTimeOffset.UtcNow, false));
        await _app.Services.GetRequiredService<ILogbook>().AppendAsync(_chelles.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("")]
    [InlineData("/main-courante")]
    [InlineData("/point-de-situation")]
    [InlineData("/main-courante.csv")]
    [InlineData("/main-courante.xlsx")]
    [InlineData("/point-de-situation.pdf")]
    [InlineData("/retex")]
    [InlineData("/retex.xlsx")]
    [InlineData("/retex.pdf")]
    [InlineData("?a=2026-12-02T02:10")]
    public async Task Mayor_of_Guichen_asking_for_a_Chelles_crisis_gets_a_404(string path)
    {
        using var client = await _app.SignedInAsync("maire-guichen");

        var response = await client.GetAsync($"/crises/{_chelles.Id}{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Crue de la Marne", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_crisis_at_a_past_instant_says_so_and_offers_the_way_back_to_live()
    {
        using var client = await _app.SignedInAsync("maire-chelles");

        var past = WebUtility.HtmlDecode(await client.GetStringAsync($"/crises/{_chelles.Id}?a=2026-12-02T02:10&horloge=tel-que-c-etait"));
        var unreadable = WebUtility.HtmlDecode(await client.GetStringAsync($"/crises/{_chelles.Id}?a=hier"));
        var live = WebUtility.HtmlDecode(await client.GetStringAsync($"/crises/{_chelles.Id}"));

        Assert.Contains("data-testid=\"past-crisis\"", past);
        Assert.Contains("Situation au 2 déc. 2026 à 02:10 — telle qu'elle était (messages tardifs compris)", past);
        Assert.Contains("Revenir au direct", past);
        Assert.Contains("« hier » n'est pas un instant lisible", unreadable);
        Assert.DoesNotContain("past-crisis", live);
        Assert.Contains("Revoir le passé", live);
    }

    [Fact]
    public async Task Mayor_of_Chelles_reads_and_exports_the_crisis_over_his_commune()
    {
        using var client = await _app.SignedInAsync("maire-chelles");

        var page = await client.GetStringAsync($"/crises/{_chelles.Id}/main-courante");
        var csv = await client.GetAsync($"/crises/{_chelles.Id}/main-courante.csv");

        Assert.Contains("Fermeture du pont", WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Fermeture du pont", await csv.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("main-courante.csv", "main-courante", "text/csv")]
    [InlineData("main-courante.xlsx", "main-courante", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("point-de-situation.pdf", "point-de-situation", "application/pdf")]
    [InlineData("retex.pdf", "retex", "application/pdf")]
    [InlineData("retex.xlsx", "retex", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Downloads_are_named_after_the_crisis_title_and_date_not_its_id(string path, string what, string mediaType)
    {
        using var client = await _app.SignedInAsync("maire-chelles");

        var response = await client.GetAsync($"/crises/{_chelles.Id}/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var name = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.Matches($@"^{what}_crue-de-la-marne_\d{{4}}-\d{{2}}-\d{{2}}_\d{{2}}h\d{{2}}\.{path.Split('.')[1]}$", name.Trim('"'));
        Assert.DoesNotContain(_chelles.Id.ToString()[..8], name);
    }

    [Fact]
    public async Task The_point_de_situation_pdf_opens_in_PdfPig()
    {
        using var client = await _app.SignedInAsync("maire-chelles");

        var bytes = await client.GetByteArrayAsync($"/crises/{_chelles.Id}/point-de-situation.pdf");

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var words = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Crue de la Marne", words);
        Assert.Contains("Fermeture du pont", words); // the decision, under « Actions menées »
        Assert.Contains("Aucune situation rédigée par un pilote", words);
    }
}
