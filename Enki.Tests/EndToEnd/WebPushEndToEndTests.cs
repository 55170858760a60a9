using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Enki.Application.Warnings;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings.WebPush;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Enki.Tests.Warnings.WebPush;
using Enki.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// Web Push to the mayor of Chelles' phone. Chromium cannot subscribe through its vendor's push service (unreachable here):
/// the mayor's device is a subscription on a loopback push service that checks VAPID and decrypts; what it decrypted is
/// handed to the page's service worker through the DevTools protocol (<c>ServiceWorker.deliverPushMessage</c>).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WebPushEndToEndTests(ChromiumBrowser chromium, WebPushEndToEndTests.Host host)
    : IClassFixture<ChromiumBrowser>, IClassFixture<WebPushEndToEndTests.Host>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-webpush-e2e-0123";

    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey).With("Enki:WebPush:AllowLoopbackEndpoints", "true"), kestrel: true);

    private readonly PushServiceStub _pushService = new();
    private IBrowserContext? _phone;

    public async Task InitializeAsync() => await _pushService.StartAsync();

    public async Task DisposeAsync()
    {
        if (_phone is not null) await _phone.CloseAsync();
        await _pushService.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_NexSIS_urgence_absolue_reaches_the_loopback_push_service_the_service_worker_shows_it_and_Acquitter_acknowledges()
    {
        var browser = chromium.Require();
        var app = host.App;
        _pushService.VapidPublicKey = app.Services.GetRequiredService<VapidKeyStore>().PublicKey;
        var mayor = await app.ViewerOfAsync("maire-chelles");
        Assert.True((await app.Services.GetRequiredService<WebPushSubscriptions>().RegisterAsync(mayor, _pushService.NewDevice("chelles"), "e2e")).Done);

        // The installable app: its manifest, and its service worker registered on every page.
        _phone = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "fr-FR", TimezoneId = "Europe/Paris" });
        await _phone.GrantPermissionsAsync(["notifications"], new() { Origin = host.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var page = await _phone.NewPageAsync();
        var cdp = await _phone.NewCDPSessionAsync(page);
        var registrations = new List<(string Id, string Scope)>();
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                lock (registrations) registrations.Add((r.GetProperty("registrationId").GetString()!, r.GetProperty("scopeURL").GetString()!));
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        await page.SignInAsync(host.BaseAddress, "maire-chelles");
        await page.GotoAsync(new Uri(host.BaseAddress, "avertissements/regles").ToString());
        await page.WaitForCircuitAsync();
        var manifest = await page.APIRequest.GetAsync(new Uri(host.BaseAddress, await page.Locator("link[rel=manifest]").GetAttributeAsync("href")).ToString());
        Assert.Equal("application/manifest+json", manifest.Headers["content-type"].Split(';')[0]);
        using (var json = JsonDocument.Parse(await manifest.TextAsync()))
        {
            Assert.Equal(("Enki", "standalone", "#14213d"), (json.RootElement.GetProperty("name").GetString(), json.RootElement.GetProperty("display").GetString(),
                json.RootElement.GetProperty("theme_color").GetString()));
        }
        Assert.EndsWith("/service-worker.js", await page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.active.scriptURL)"));
        await Assertions.Expect(page.GetByTestId("web-push-switch")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("web-push-count")).ToHaveTextAsync("1 autre appareil abonné.");
        await page.GetByTestId("web-push").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("web-push-preferences-phone");

        // NexSIS pushes an urgence absolue in Chelles: the push service receives it once, signed and decryptable.
        Stopwatch clock;
        using (var http = new HttpClient { BaseAddress = host.BaseAddress })
        {
            const string caseId = "fr.fire.sis077.e2e.WEBPUSH-UA";
            Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(TestMessages.CreateCase(caseId, nature: "C04.02.01"), PushKey)).StatusCode);
            clock = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.Accepted,
                (await http.PushNexsisAsync(TestMessages.Situation(caseId, "IPR", TestMessages.T0.AddMinutes(5), red: 1), PushKey)).StatusCode);
        }
        while (_pushService.Received.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(20);
        var latency = clock.Elapsed;
        Assert.Empty(_pushService.Refused);
        var received = Assert.Single(_pushService.Received);
        var payload = WebPushPayload.FromJson(received.Plaintext)!;
        Assert.Equal("URGENT — Victimes à Chelles : au moins une urgence absolue", payload.Title);

        // Handed to the page's service worker as the push service would: it shows the notification with « Acquitter ».
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        string registration;
        lock (registrations) registration = registrations.Last(r => r.Scope.StartsWith(origin, StringComparison.Ordinal)).Id;
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = origin, ["registrationId"] = registration, ["data"] = received.Plaintext });
        JsonElement notes = default;
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(5); await Task.Delay(50))
        {
            notes = await page.EvaluateAsync<JsonElement>("""
                navigator.serviceWorker.ready.then(r => r.getNotifications())
                    .then(notes => notes.map(n => ({ title: n.title, tag: n.tag, actions: n.actions.map(a => a.title) })))
                """);
            if (notes.GetArrayLength() > 0) break;
        }
        var note = Assert.Single(notes.EnumerateArray());
        Assert.Equal(payload.Title, note.GetProperty("title").GetString());
        Assert.Equal(payload.WarningId.ToString(), note.GetProperty("tag").GetString());
        Assert.Equal(["Acquitter"], note.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // « Acquitter » runs the service worker's own acknowledge(): the token it carried, posted without a session.
        var ackData = JsonSerializer.Serialize(new { ackToken = payload.AckToken, warningId = payload.WarningId.ToString(), url = payload.Url });
        await InServiceWorkerAsync(browser, $"acknowledge({ackData})");
        var acknowledged = await page.EvaluateAsync<string[]>("navigator.serviceWorker.ready.then(r => r.getNotifications()).then(ns => ns.map(n => n.title))");
        Assert.Equal(["Avertissement acquitté"], acknowledged); // same tag: it replaced the warning's notification
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal("Maire de Chelles", await db.Warnings.Where(w => w.Id == payload.WarningId).Select(w => w.AcknowledgedByName).SingleAsync());
        }
        Console.WriteLine($"NexSIS push → the loopback push service (VAPID checked, decrypted): {latency.TotalMilliseconds:F0} ms");
    }

    /// <summary>The API on the same host, over HTTP: the antiforgery token, the person's own devices, the anonymous acknowledgement.</summary>
    [Fact]
    public async Task The_subscription_api_asks_the_antiforgery_token_and_touches_only_the_persons_own_devices()
    {
        var app = host.App;
        var chelles = await app.ViewerOfAsync("maire-chelles");
        var devices = app.Services.GetRequiredService<WebPushSubscriptions>();
        var chellesPhone = new WebPushDevice("https://push.example.invalid/abonnement/chelles-api", _pushService.NewDevice("x").P256dh, "BTBZMqHH6r4Tts7J_aSIgg");
        Assert.True((await devices.RegisterAsync(chelles, chellesPhone, null)).Done);
        using var guichen = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await guichen.PostSignInAsync("maire-guichen", SignInClient.DemoPassword)).StatusCode);
        var token = SignInClient.AntiforgeryToken(await guichen.GetStringAsync("/avertissements/regles"));
        var guichenPhone = chellesPhone with { Endpoint = "https://push.example.invalid/abonnement/guichen-api" };

        var forged = await guichen.PostAsJsonAsync(WebPushEndpoints.Subscriptions, guichenPhone);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Jeton anti-contrefaçon absent ou invalide.", await DetailAsync(forged));

        var registered = await guichen.SendAsync(new HttpRequestMessage(HttpMethod.Post, WebPushEndpoints.Subscriptions)
        {
            Content = JsonContent.Create(guichenPhone), Headers = { { "RequestVerificationToken", token } },
        });
        Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        var stolen = await guichen.SendAsync(new HttpRequestMessage(HttpMethod.Delete, WebPushEndpoints.Subscriptions)
        {
            Content = JsonContent.Create(new { endpoint = chellesPhone.Endpoint }), Headers = { { "RequestVerificationToken", token } },
        });
        Assert.True(stolen.StatusCode == HttpStatusCode.NotFound, await stolen.Content.ReadAsStringAsync());
        Assert.True(await devices.IsRegisteredAsync(chelles, chellesPhone.Endpoint));
        Assert.True(await devices.IsRegisteredAsync(await app.ViewerOfAsync("maire-guichen"), guichenPhone.Endpoint));

        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/web-push/public-key")).StatusCode);
        var unknown = await anonymous.PostAsJsonAsync(WebPushEndpoints.Acknowledgements, new { token = "jeton-inconnu" });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("Ce lien n'est pas reconnu. Vérifiez qu'il est complet, ou ouvrez l'avertissement dans Enki.", await DetailAsync(unknown));
    }

    /// <summary>
    /// Runs an expression in the service worker's own scope (awaited) through the DevTools protocol: Playwright for .NET has no
    /// handle on service workers, so the browser session attaches to the worker's target and talks to it by messages.
    /// </summary>
    private static async Task InServiceWorkerAsync(IBrowser browser, string expression)
    {
        var cdp = await browser.NewBrowserCDPSessionAsync();
        var targets = await cdp.SendAsync("Target.getTargets");
        var worker = targets!.Value.GetProperty("targetInfos").EnumerateArray()
            .First(t => t.GetProperty("type").GetString() == "service_worker" && t.GetProperty("url").GetString()!.EndsWith("/service-worker.js"));
        var attached = await cdp.SendAsync("Target.attachToTarget", new() { ["targetId"] = worker.GetProperty("targetId").GetString()!, ["flatten"] = false });
        var sessionId = attached!.Value.GetProperty("sessionId").GetString()!;
        var answered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
        {
            var message = e!.Value.GetProperty("message").GetString()!;
            using var json = JsonDocument.Parse(message);
            if (json.RootElement.TryGetProperty("id", out var id) && id.GetInt32() == 1) answered.TrySetResult(message);
        };
        await cdp.SendAsync("Target.sendMessageToTarget", new()
        {
            ["sessionId"] = sessionId,
            ["message"] = JsonSerializer.Serialize(new { id = 1, method = "Runtime.evaluate", @params = new { expression, awaitPromise = true } }),
        });
        var result = await answered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("exceptionDetails", result);
        await cdp.DetachAsync();
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
