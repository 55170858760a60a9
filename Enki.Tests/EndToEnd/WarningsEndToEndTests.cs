using System.Diagnostics;
using System.Net;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>A warning from NexSIS to the mayor's phone: an urgence absolue in Chelles, shown live, acknowledged in one tap.</summary>
[Collection(WebCollection.Name)]
public sealed class WarningsEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-e2e-0123456789";
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", PushKey);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public WarningsEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

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

    private async Task PushAsync(byte[] payload)
    {
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(payload, PushKey)).StatusCode);
    }

    [SkippableFact]
    public async Task An_urgence_absolue_in_Chelles_reaches_the_mayors_open_app_within_two_seconds_and_is_acknowledged_in_one_tap()
    {
        var mayor = await _chromium.SignedInPageAsync(_base, "maire-chelles", 390, 844, _contexts);
        await mayor.GotoAsync(new Uri(_base, "avertissements").ToString());
        await mayor.WaitForCircuitAsync();
        var cards = mayor.GetByTestId("warning-card").Filter(new() { HasText = "urgence absolue" });
        await Assertions.Expect(cards).ToHaveCountAsync(0);

        const string caseId = "fr.fire.sis077.e2e.WARN-UA";
        await PushAsync(TestMessages.CreateCase(caseId, nature: "C04.02.01"));
        var clock = Stopwatch.StartNew();
        await PushAsync(TestMessages.Situation(caseId, "IPR", TestMessages.T0.AddMinutes(5), red: 1));

        await Assertions.Expect(cards).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        var latency = clock.Elapsed;
        Assert.True(latency < TimeSpan.FromSeconds(2), $"took {latency}");
        // The centre is open: the warning is read at once, and the bell says so.
        await Assertions.Expect(cards.First).ToContainTextAsync("lue");
        await Assertions.Expect(mayor.Locator("[data-testid=warnings-badge] .mud-badge")).ToBeHiddenAsync();
        await Assertions.Expect(cards.First).ToContainTextAsync("Victimes à Chelles : au moins une urgence absolue");
        await mayor.ScreenshotAsync("warnings-centre-phone");

        await cards.First.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(cards.First.GetByTestId("acknowledged-by")).ToContainTextAsync("Acquitté par", new() { Timeout = 5_000 });
        await mayor.ScreenshotAsync("warnings-centre-phone-acknowledged");

        await cards.First.Locator("a").First.ClickAsync();
        await Assertions.Expect(mayor.GetByTestId("deliveries")).ToContainTextAsync("Acquittée", new() { Timeout = 5_000 });
        await mayor.SetViewportSizeAsync(1440, 900);
        await mayor.ScreenshotAsync("warning-page-desktop");
        await mayor.GotoAsync(new Uri(_base, "avertissements/regles").ToString());
        await Assertions.Expect(mayor.GetByTestId("rules")).ToContainTextAsync("Décès ou urgence absolue");
        await mayor.ScreenshotAsync("warning-rules-desktop");
        Console.WriteLine($"NexSIS push → notification in the mayor's open app: {latency.TotalMilliseconds:F0} ms");
    }
}
