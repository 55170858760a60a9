using Enki.Tests.Mobilisation;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The ORSEC chain follows what the CODIS asks of a commune: the préfecture reads the request, on a
/// desk and on a phone, and is offered no action on it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SupervisionEndToEndTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

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

    [SkippableTheory]
    [InlineData(1600, 1000, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task The_prefecture_reads_the_requests_of_its_department_without_acting(int width, int height, string device)
    {
        var request = await _app.IssueAsSdis77Async();
        var context = await chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_base, "prefecture77");

        await page.GotoAsync(new Uri(_base, "mobilisations").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Sur le territoire (1)" })).ToBeVisibleAsync();
        var card = page.Locator(".enki-mobilisation-card", new() { HasText = "Hébergement des sinistrés" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await page.ScreenshotAsync($"supervision-list-{device}");

        await page.GotoAsync(new Uri(_base, $"mobilisations/{request.Id}").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("request-object")).ToHaveTextAsync("Hébergement des sinistrés");
        await Assertions.Expect(page.GetByTestId("supervision-notice")).ToContainTextAsync("Lecture seule");
        await Assertions.Expect(page.GetByTestId("actions").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "horizontal overflow");
        await page.ScreenshotAsync($"supervision-detail-{device}");
    }
}
