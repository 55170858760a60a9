using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.Mobilisation;

/// <summary>
/// Requests from the CODIS to Chelles, live on both sides: the mayor on a phone sees it arrive,
/// answers in one tap and follows through; the CODIS sees every status change without reloading.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MobilisationEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseAddress = null!;

    public MobilisationEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Close the browser first: open circuits would hold up the host's shutdown.
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> SignedInPageAsync(string user, int width, int height)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            ColorScheme = ColorScheme.Light,
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_baseAddress, user);
        return page;
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(_baseAddress, path).ToString());
        await page.WaitForCircuitAsync();
    }

    private static Task ExpectStatusAsync(IPage page, string status) =>
        Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync(status, new() { Timeout = 5_000 });

    [SkippableFact]
    public async Task Codis_issues_to_Chelles_and_both_sides_follow_live_to_completion()
    {
        var codis = await SignedInPageAsync("sdis77", 1440, 900);
        var mayor = await SignedInPageAsync("maire-chelles", 390, 844);
        await GoAsync(mayor, "mobilisations");
        await Assertions.Expect(mayor.GetByTestId("no-requests").First).ToBeVisibleAsync();

        await GoAsync(codis, "mobilisations");
        await codis.GetByTestId("new-request").ClickAsync();
        await Assertions.Expect(codis).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mobilisations/nouvelle$"), new() { Timeout = 20_000 });
        await codis.WaitForCircuitAsync();
        await codis.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(codis.GetByTestId("form-errors")).ToContainTextAsync("L'objet de la demande est obligatoire.");
        await codis.PickCommuneAsync("Chelles", "Chelles (Seine-et-Marne)");
        await codis.GetByLabel("Objet").FillAsync("Hébergement des sinistrés de la Marne");
        await codis.GetByLabel("Moyen demandé").FillAsync("hébergement d'urgence");
        await codis.GetByLabel("Quantité").FillAsync("50");
        await codis.GetByLabel("Unité").FillAsync("personnes");
        await codis.GetByLabel("Lieu").FillAsync("Gymnase Jean-Moulin, Chelles");
        await codis.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(codis.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(codis).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
        await ExpectStatusAsync(codis, "Émise");
        var id = codis.Url.Split('/')[^1];

        // The mayor's phone: the card arrives without reload, with the badge and a notice.
        var card = mayor.Locator(".enki-mobilisation-card", new() { HasText = "Hébergement des sinistrés de la Marne" });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(mayor.GetByTestId("requests-badge")).ToContainTextAsync("1");
        await Assertions.Expect(card.Locator(".mud-chip[data-status]")).ToHaveTextAsync("Reçue");
        await Assertions.Expect(mayor.GetByText("Nouvelle demande : Hébergement des sinistrés de la Marne")).ToBeVisibleAsync();
        await mayor.ScreenshotAsync("mobilisation-inbox-phone");

        await card.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "Accepted", new() { Timeout = 5_000 });
        await ExpectStatusAsync(codis, "Acceptée");

        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(mayor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
        // The mayor calls the CODIS back in one tap, with the number from the directory.
        await Assertions.Expect(mayor.GetByTestId("call-issuer")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^tel:\+?\d{9,}$"));
        var overflow = await mayor.EvaluateAsync<double>("document.documentElement.scrollWidth");
        Assert.True(overflow <= 390, $"the request is {overflow} px wide on a 390 px phone");
        await mayor.GetByRole(AriaRole.Button, new() { Name = "Démarrer" }).ClickAsync();
        await ExpectStatusAsync(mayor, "En cours");
        await ExpectStatusAsync(codis, "En cours");
        await mayor.GetByRole(AriaRole.Button, new() { Name = "Marquer réalisée" }).ClickAsync();
        await ExpectStatusAsync(mayor, "Réalisée");
        await ExpectStatusAsync(codis, "Réalisée");
        await Assertions.Expect(mayor.GetByTestId("actions").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(mayor.GetByTestId("requests-badge")).Not.ToContainTextAsync("1");
        // The issuer's list shows it done too.
        await GoAsync(codis, "mobilisations");
        await Assertions.Expect(codis.Locator(".enki-mobilisation-card[data-status=Completed]")).ToBeVisibleAsync();
        await codis.ScreenshotAsync("mobilisation-issued-codis");
        await GoAsync(codis, $"mobilisations/{id}");
        await mayor.EvaluateAsync("window.scrollTo(0, 0)");
        await mayor.ScreenshotAsync("mobilisation-detail-phone");
        await codis.ScreenshotAsync("mobilisation-detail-codis");
    }

    [SkippableFact]
    public async Task Refusal_asks_for_a_reason_and_reaches_the_issuer_live_and_by_mail()
    {
        var codis = await SignedInPageAsync("sdis77", 1280, 800);
        var mayor = await SignedInPageAsync("maire-chelles", 390, 844);
        var request = await _app.IssueAsSdis77Async(MobilisationSamples.Draft() with
        {
        Object = "Deux autocars", ResourceKind = "autocar", Quantity = 2, Unit = null, Deadline = DateTimeOffset.UtcNow.AddHours(1),
        });
        await GoAsync(codis, $"mobilisations/{request.Id}");
        await GoAsync(mayor, "mobilisations");

        var card = mayor.Locator(".enki-mobilisation-card", new() { HasText = "Deux autocars" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        var dialog = mayor.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Le motif du refus est obligatoire.");
        await dialog.GetByLabel("Motif du refus").FillAsync("Nos autocars sont déjà engagés à Meaux");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "Refused", new() { Timeout = 5_000 });
        await Assertions.Expect(codis.GetByTestId("history")).ToContainTextAsync("Nos autocars sont déjà engagés à Meaux", new() { Timeout = 5_000 });
        await mayor.ScreenshotAsync("mobilisation-refused-phone");

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        var mails = await db.Outbox.AsNoTracking().Where(m => m.Subject.StartsWith("[Enki] Demande refusée")).ToListAsync();
        Assert.Equal("sdis77@demo.enki.invalid", Assert.Single(mails).Recipient);
    }
}
