using System.Text.RegularExpressions;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.Hosting;

/// <summary>
/// What a node's graceful stop does to a browser, on one node: the node asks the page to pause its
/// circuit, Blazor hands the circuit's state to the browser, the browser resumes it (on another node
/// behind a gateway; here the same one) and the form comes back with what was typed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CircuitPauseEndToEndTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseAddress = null!;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_request_being_typed_survives_the_pause_and_resume_of_its_circuit()
    {
        var page = await chromium.SignedInPageAsync(_baseAddress, "sdis77", 1280, 900, _contexts);
        await page.GotoAsync(new Uri(_baseAddress, "mobilisations/nouvelle").ToString());
        await page.WaitForCircuitAsync();
        await page.PickCommuneAsync("Chelles", "Chelles (Seine-et-Marne)");
        await page.GetByLabel("Objet").FillAsync("Ouverture du gymnase");
        await page.GetByLabel("Moyen demandé").FillAsync("hébergement d'urgence");
        await page.GetByLabel("Lieu").FillAsync("Gymnase Jean-Moulin, Chelles");
        await page.GetByLabel("Lieu").BlurAsync(); // the value reaches the circuit on change

        // What PauseCircuitsOnStop asks of every browser when the node stops gracefully.
        var resumed = page.WaitForWebSocketAsync(new() { Predicate = socket => socket.Url.Contains("/_blazor"), Timeout = 20_000 });
        await page.EvaluateAsync("() => window.enkiPauseForNodeStop()");
        await resumed;
        await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await page.WaitForCircuitAsync();

        // A new circuit, built from the state the browser carried: the typed fields are back, and it works.
        await Assertions.Expect(page.GetByLabel("Objet")).ToHaveValueAsync("Ouverture du gymnase");
        await Assertions.Expect(page.Locator(".mud-autocomplete input")).ToHaveValueAsync("Chelles (Seine-et-Marne)");
        await page.GetByLabel("Objet").FillAsync("Ouverture du gymnase pour 80 personnes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Gymnase Jean-Moulin, Chelles").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("circuit-resumed-request");
    }
}
