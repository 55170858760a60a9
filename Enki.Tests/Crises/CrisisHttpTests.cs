using System.Net;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Crises;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises;

/// <summary>Crisis pages and exports through the real app: another commune's crisis does not exist.</summary>
[Collection(WebCollection.Name)]
public sealed class CrisisHttpTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private Crisis _chelles = null!;

    public async Task InitializeAsync()
    {
        using var _ = _app.CreateClient(); // starts the host, which migrates the database and seeds the accounts
        _chelles = await _app.Services.GetRequiredService<CrisisCommands>().OpenAsync(Sdis77, new CrisisDraft(
            "Crue de la Marne", CrisisType.Inondation, null, [Domain.Access.Jurisdiction.Commune("77108")], DateTimeOffset.UtcNow, false));
        await _app.Services.GetRequiredService<ILogbook>().AppendAsync(_chelles.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont");
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("")]
    [InlineData("/main-courante")]
    [InlineData("/point-de-situation")]
    [InlineData("/main-courante.csv")]
    [InlineData("/main-courante.xlsx")]
    public async Task Mayor_of_Guichen_asking_for_a_Chelles_crisis_gets_a_404(string path)
    {
        using var client = await _app.SignedInAsync("maire-guichen");

        var response = await client.GetAsync($"/crises/{_chelles.Id}{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Crue de la Marne", await response.Content.ReadAsStringAsync());
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
}
