using Enki.Tests.Support;
using Enki.Tests.Warnings;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The mayor's phone opens the e-mail's link and acknowledges in one tap, without signing in; the SMS gateway
/// is down (nobody listens on its port), so the administrator sees the failed SMS on the failures page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WarningLinkEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app;
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public WarningLinkEndToEndTests(ChromiumBrowser chromium)
    {
        _chromium = chromium;
        _app = new EnkiWebApplicationFactory().With("Enki:Sms:Url", $"http://127.0.0.1:{LoopbackPort.Free()}/sms");
    }

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

    [SkippableFact]
    public async Task The_mails_link_acknowledges_in_one_tap_on_a_phone_and_the_failed_sms_is_listed_for_the_administrator()
    {
        var browser = _chromium.Require();
        var warning = await _app.RaiseUrgenceAbsolueInChellesAsync();
        var mail = await _app.OutboxOfAsync(warning, m => m.Recipient == "maire-chelles@demo.enki.invalid");

        var phone = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "fr-FR", TimezoneId = "Europe/Paris" });
        _contexts.Add(phone);
        var page = await phone.NewPageAsync();
        await page.GotoAsync(new Uri(_base, WarningsOnTheApp.LinkPathIn(mail.Body)).ToString());
        await Assertions.Expect(page.GetByTestId("link-title")).ToHaveTextAsync(warning.Title);
        await page.ScreenshotAsync("warning-link-phone");
        await page.GetByTestId("link-acknowledge").ClickAsync();
        await Assertions.Expect(page.GetByTestId("link-acknowledged")).ToContainTextAsync("Avertissement acquitté", new() { Timeout = 5_000 });
        await page.ScreenshotAsync("warning-link-phone-acknowledged");

        var admin = await _chromium.SignedInPageAsync(_base, "admin", 1440, 900, _contexts);
        await admin.GotoAsync(new Uri(_base, "administration/avertissements-en-echec").ToString());
        var row = admin.GetByTestId("warning-failures").Locator("tr").Filter(new() { HasText = "Maire de Chelles" });
        await Assertions.Expect(row).ToContainTextAsync("SMS");
        await Assertions.Expect(row).ToContainTextAsync("Échec");
        await admin.ScreenshotAsync("warning-failures-desktop");
    }
}
