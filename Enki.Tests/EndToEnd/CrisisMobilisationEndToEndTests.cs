using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The whole loop of a crisis room: the CODIS opens a crisis over Chelles and asks the commune for
/// shelter from it; the mayor, on a phone, sees the request arrive, accepts it and marks it done; the
/// CODIS follows each step live; the main courante holds every step and its export opens.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CrisisMobilisationEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public CrisisMobilisationEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> PageAsync(string user, int width, int height)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            IsMobile = width < 600,
            HasTouch = width < 600,
            AcceptDownloads = true,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_base, user);
        return page;
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(_base, path).ToString());
        await page.WaitForCircuitAsync();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private static Task ExpectHistoryAsync(IPage page, string status) =>
        Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync(status, new() { Timeout = 5_000 });

    [SkippableFact]
    public async Task Codis_opens_a_crisis_asks_Chelles_and_the_logbook_holds_every_step()
    {
        var codis = await PageAsync("sdis77", 1440, 1000);
        var mayor = await PageAsync("maire-chelles", 390, 844);
        await GoAsync(mayor, "mobilisations");

        // The crisis.
        await GoAsync(codis, "crises");
        await codis.GetByTestId("open-crisis").ClickAsync();
        await Input(codis, "crisis-title").FillAsync("Crue de la Marne à Chelles");
        await Input(codis, "crisis-territory").FillAsync("77108");
        await codis.GetByTestId("crisis-save").ClickAsync();
        await codis.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/crises/[0-9a-f-]{36}$"), new() { Timeout = 10_000 });
        var crisisId = codis.Url.Split('/')[^1];

        // The request, issued from the crisis.
        await codis.GetByTestId("crisis-request").ClickAsync();
        await codis.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/mobilisations/nouvelle\\?crise="));
        await codis.WaitForCircuitAsync();
        await Assertions.Expect(codis.GetByTestId("field-crisis")).ToContainTextAsync("Crue de la Marne à Chelles");
        await codis.PickCommuneAsync("Chelles", "Chelles (Seine-et-Marne)");
        await codis.GetByLabel("Objet").FillAsync("Ouvrir le gymnase Jean-Moulin aux sinistrés");
        await codis.GetByLabel("Moyen demandé").FillAsync("hébergement d'urgence");
        await codis.GetByLabel("Quantité").FillAsync("50");
        await codis.GetByLabel("Unité").FillAsync("personnes");
        await codis.GetByLabel("Lieu").FillAsync("Gymnase Jean-Moulin, Chelles");
        await codis.GetByLabel("Lieu").BlurAsync();
        await codis.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        var sent = new System.Text.RegularExpressions.Regex("/mobilisations/[0-9a-f-]{36}$");
        await codis.WaitForFunctionAsync("() => /\\/mobilisations\\/[0-9a-f-]{36}$/.test(location.pathname) || document.querySelector('[data-testid=form-errors]')",
            null, new() { Timeout = 20_000 });
        Assert.True(sent.IsMatch(codis.Url), await codis.GetByTestId("form-errors").AllInnerTextsAsync() is var errors ? string.Join(" | ", errors) : "");
        await ExpectHistoryAsync(codis, "Émise");

        // The mayor's phone: it arrives live, one tap to accept, then done.
        var card = mayor.Locator(".enki-mobilisation-card", new() { HasText = "Ouvrir le gymnase Jean-Moulin" });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await ExpectHistoryAsync(codis, "Acceptée");
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(mayor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
        // The recipient sees which crisis the request serves, one tap from it.
        await Assertions.Expect(mayor.GetByTestId("request-crisis").GetByRole(AriaRole.Link)).ToHaveTextAsync("Crue de la Marne à Chelles");
        await Assertions.Expect(mayor.GetByTestId("request-crisis").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"crises/{crisisId}");
        await mayor.GetByRole(AriaRole.Button, new() { Name = "Démarrer" }).ClickAsync();
        await ExpectHistoryAsync(codis, "En cours");
        await mayor.GetByRole(AriaRole.Button, new() { Name = "Marquer réalisée" }).ClickAsync();
        await ExpectHistoryAsync(codis, "Réalisée");

        // The main courante holds every step, whoever took it.
        await GoAsync(codis, $"crises/{crisisId}/main-courante");
        var logbook = codis.GetByTestId("logbook-entries");
        foreach (var step in new[] { "Ouvrir le gymnase Jean-Moulin", "accept", "réalis" })
        {
            await Assertions.Expect(logbook).ToContainTextAsync(new System.Text.RegularExpressions.Regex(step, System.Text.RegularExpressions.RegexOptions.IgnoreCase), new() { Timeout = 5_000 });
        }
        await codis.ScreenshotAsync("crisis-logbook-with-request");

        // The export opens and carries the same steps.
        using var http = new HttpClient { BaseAddress = _base };
        var cookies = await codis.Context.CookiesAsync();
        http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        var csv = await http.GetStringAsync($"crises/{crisisId}/main-courante.csv");
        Assert.Contains("Ouvrir le gymnase Jean-Moulin", csv);
        Assert.True(csv.Split('\n').Length >= 5, csv);
    }
}
