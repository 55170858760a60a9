using System.Net;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Incidents;

/// <summary>The prerendered incident pages through the real app: what each account's browser receives.</summary>
[Collection(WebCollection.Name)]
public sealed class IncidentPagesHttpTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly Incident _chelles = Open("HTTP-CHELLES", Chelles, caller: Witness);
    private readonly Incident _guichen = Open("HTTP-GUICHEN", Guichen, caller: Witness);

    public async Task InitializeAsync()
    {
        using var _ = _app.CreateClient(); // starts the host, which migrates the database
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        db.Incidents.AddRange(_chelles, _guichen);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Mayor_of_Chelles_asking_for_Guichens_incident_gets_a_404_without_its_content()
    {
        using var client = await _app.SignedInAsync("maire-chelles");

        var response = await client.GetAsync($"/incidents/{_guichen.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page introuvable", html);
        Assert.DoesNotContain("Guichen", html);
        Assert.DoesNotContain("HTTP-GUICHEN", html);
        Assert.DoesNotContain("place de l'Église", html);
    }

    [Fact]
    public async Task Callers_personal_data_reaches_the_sdis_browser_only()
    {
        using var sdis = await _app.SignedInAsync("sdis77");
        using var mayor = await _app.SignedInAsync("maire-chelles");

        var forSdis = await sdis.GetStringAsync($"/incidents/{_chelles.Id}");
        var forMayor = await mayor.GetStringAsync($"/incidents/{_chelles.Id}");

        Assert.Contains("Jeanne Témoin", WebUtility.HtmlDecode(forSdis));
        Assert.DoesNotContain("Témoin", WebUtility.HtmlDecode(forMayor));
        Assert.DoesNotContain("+33600000001", forMayor);
        Assert.Contains("Coordonnées de l'appelant réservées au SDIS", WebUtility.HtmlDecode(forMayor));
    }
}
