using System.Diagnostics;
using System.Net;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Enki.Tests.Warnings;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>A warning from NexSIS to the mayor's phone: an urgence absolue in Chelles, shown live, acknowledged in one tap.</summary>
[Collection(WebCollection.Name)]
public sealed class WarningsEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-e2e-0123456789";
    private readonly ChromiumBrowser _chromium;
    private readonly SmsGatewayStub _smsGateway = new();
    private EnkiWebApplicationFactory _app = null!;
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public WarningsEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        // A provider's SMS gateway on loopback, so the SMS really leaves over HTTP and its arrival can be timed.
        await _smsGateway.StartAsync();
        _app = new EnkiWebApplicationFactory()
            .With("Enki:Nexsis:InboundApiKey", PushKey)
            .With("Enki:Sms:Url", _smsGateway.Address.ToString());
        _base = _app.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
        await _smsGateway.DisposeAsync();
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
        // The same warning leaves by SMS (the gateway above) and by e-mail (the outbox): measured, printed.
        var smsLatency = await WhenAsync(() => Task.FromResult(_smsGateway.Received.Any(m => m.Body.Contains("urgence absolue"))), clock);
        var mailLatency = await WhenAsync(async () => await _app.HasOutboxMailAsync("maire-chelles@demo.enki.invalid", "urgence absolue"), clock);
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
        Console.WriteLine($"NexSIS push → the mayor's open app {latency.TotalMilliseconds:F0} ms, SMS at the gateway {smsLatency.TotalMilliseconds:F0} ms, e-mail in the outbox {mailLatency.TotalMilliseconds:F0} ms");
    }

    private static async Task<TimeSpan> WhenAsync(Func<Task<bool>> arrived, Stopwatch clock)
    {
        while (!await arrived())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("Nothing arrived within 30 s of the push.");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }
}
