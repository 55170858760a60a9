using System.Net;
using Enki.Tests.Support;

namespace Enki.Tests.Hosting;

[Collection(WebCollection.Name)]
public sealed class ShellPagesTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("/", "Tableau de bord")]
    [InlineData("/incidents", "Incidents")]
    [InlineData("/carte", "Carte")]
    [InlineData("/crises", "Crises")]
    [InlineData("/mobilisations", "Mobilisations")]
    [InlineData("/administration", "Administration")]
    public async Task Every_navigation_entry_serves_a_french_page(string path, string heading)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains($"<title>{heading} — Enki</title>", html);
    }

    [Fact]
    public async Task Unknown_address_answers_404_with_a_french_page()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/nulle-part");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync());
    }
}
