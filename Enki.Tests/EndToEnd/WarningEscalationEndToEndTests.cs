using System.Diagnostics;
using System.Net;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// An urgent warning nobody of the mairie acknowledges goes up its escalation list: Chelles' demo list names
/// the préfecture's duty officer (the préfecture account, nobody being on duty), after the urgent delay,
/// shortened here to 5 s (`Enki:Warnings:UrgentEscalationDelay`).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WarningEscalationEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-e2e-escalade";
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);
    private readonly ChromiumBrowser _chromium;
    private EnkiWebApplicationFactory _app = null!;
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public WarningEscalationEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _app = new EnkiWebApplicationFactory()
            .With("Enki:Nexsis:InboundApiKey", PushKey)
            .With("Enki:Warnings:UrgentEscalationDelay", Delay.ToString());
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    [SkippableFact]
    public async Task An_urgence_absolue_nobody_in_Chelles_acknowledges_reaches_the_prefecture_after_the_delay()
    {
        var prefecture = await _chromium.SignedInPageAsync(_base, "prefecture77", 1440, 900, _contexts);
        await prefecture.GotoAsync(new Uri(_base, "avertissements").ToString());
        await prefecture.WaitForCircuitAsync();
        // One urgence absolue is below the préfecture's own rule (a death or 3): only the escalation can bring it here.
        var escalated = prefecture.GetByTestId("warning-card").Filter(new() { HasText = "Victimes à Chelles" });
        await Assertions.Expect(escalated).ToHaveCountAsync(0);

        const string caseId = "fr.fire.sis077.e2e.ESCALADE-UA";
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(TestMessages.CreateCase(caseId, nature: "C04.02.01"), PushKey)).StatusCode);
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(TestMessages.Situation(caseId, "IPR", TestMessages.T0.AddMinutes(5), red: 1), PushKey)).StatusCode);

        await Assertions.Expect(escalated).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var reached = clock.Elapsed;
        Assert.True(reached >= Delay, $"escalated after {reached}, before the {Delay} delay");
        await Assertions.Expect(escalated.First).ToContainTextAsync("urgent");
        await prefecture.ScreenshotAsync("warning-escalated-prefecture-desktop");

        // The préfecture acknowledges in one tap; the warning's page says who was warned at each step and who acknowledged.
        await escalated.First.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(escalated.First.GetByTestId("acknowledged-by")).ToContainTextAsync("Acquitté par", new() { Timeout = 5_000 });
        await escalated.First.Locator("a").First.ClickAsync();
        var deliveries = prefecture.GetByTestId("deliveries");
        await Assertions.Expect(deliveries).ToContainTextAsync("Maire de Chelles", new() { Timeout = 5_000 });
        await Assertions.Expect(deliveries).ToContainTextAsync("Préfecture de Seine-et-Marne");
        await Assertions.Expect(deliveries).ToContainTextAsync("Acquittée");
        await prefecture.ScreenshotAsync("warning-escalated-page-desktop");
        Console.WriteLine($"Unacknowledged urgent warning at the préfecture {reached.TotalMilliseconds:F0} ms after the push (delay {Delay.TotalSeconds:F0} s)");
    }
}
