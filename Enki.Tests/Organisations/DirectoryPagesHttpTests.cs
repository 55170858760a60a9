using System.Net;
using Enki.Domain.Directory;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Organisations;

/// <summary>The directory pages through the real app on the demo directory.</summary>
[Collection(WebCollection.Name)]
public sealed class DirectoryPagesHttpTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync()
    {
        using var _ = _app.CreateClient(); // starts the host: migrations and demo data
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<Organisation> DemoAsync(string name)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Name == name);
    }

    [Fact]
    public async Task Mayor_of_Guichen_asking_for_the_mairie_of_Chelles_gets_a_404_without_its_contacts()
    {
        var chelles = await DemoAsync("Mairie de Chelles");
        using var client = await _app.SignedInAsync("maire-guichen");

        var response = await client.GetAsync($"/annuaire/{chelles.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Page introuvable", html);
        Assert.DoesNotContain("Claire Martin", html);
        Assert.DoesNotContain("chelles.example.fr", html);
    }

    [Fact]
    public async Task Mayor_of_Chelles_reads_their_mairie_and_the_prefecture_with_call_links_but_no_edit()
    {
        var chelles = await DemoAsync("Mairie de Chelles");
        var prefecture = await DemoAsync("Préfecture de Seine-et-Marne");
        using var client = await _app.SignedInAsync("maire-chelles");

        var own = WebUtility.HtmlDecode(await client.GetStringAsync($"/annuaire/{chelles.Id}"));
        var covering = WebUtility.HtmlDecode(await client.GetStringAsync($"/annuaire/{prefecture.Id}"));

        Assert.Contains("Claire Martin", own);
        Assert.Contains("href=\"tel:+33199001001\"", own);
        Assert.Contains("href=\"mailto:claire.martin@chelles.example.fr\"", own);
        Assert.DoesNotContain("Modifier l'organisation", own);
        Assert.Contains("Chef du SIDPC", covering);
    }

    [Fact]
    public async Task Prefecture_may_edit_its_mairies_and_open_the_import_a_mayor_may_not()
    {
        var chelles = await DemoAsync("Mairie de Chelles");
        using var prefecture = await _app.SignedInAsync("prefecture77");
        using var mayor = await _app.SignedInAsync("maire-chelles");

        Assert.Contains("Modifier l'organisation", WebUtility.HtmlDecode(await prefecture.GetStringAsync($"/annuaire/{chelles.Id}")));
        Assert.Equal(HttpStatusCode.OK, (await prefecture.GetAsync("/annuaire/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mayor.GetAsync("/annuaire/import")).StatusCode);
    }

    [Fact]
    public async Task Directory_list_of_the_mayor_of_Guichen_never_names_Chelles()
    {
        using var client = await _app.SignedInAsync("maire-guichen");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/annuaire"));

        Assert.Contains("Mairie de Guichen", html);
        Assert.Contains("COGIC", html);
        Assert.DoesNotContain("Chelles", html);
        Assert.DoesNotContain("Enedis", html);
    }
}
