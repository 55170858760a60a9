using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.Organisations;

[Collection(WebCollection.Name)]
public sealed class DirectoryEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private Uri _baseAddress = null!;

    public DirectoryEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });
        return await context.NewPageAsync();
    }

    [SkippableTheory]
    [InlineData(1440, 900, "directory-desktop", "directory-grid")]
    [InlineData(390, 844, "directory-phone", "directory-cards")]
    public async Task Prefecture_searches_Enedis_and_sees_the_contact_with_a_call_link(int width, int height, string screenshot, string view)
    {
        var page = await NewPageAsync(width, height);
        await page.SignInAsync(_baseAddress, "prefecture77");
        await page.GotoAsync(new Uri(_baseAddress, "annuaire").ToString());
        await page.WaitForCircuitAsync();

        await page.Locator("input[data-testid=directory-search], [data-testid=directory-search] input").First.FillAsync("Enedis");
        var results = page.GetByTestId(view);
        await Assertions.Expect(results).ToContainTextAsync("Sophie Bernard");
        await Assertions.Expect(results).Not.ToContainTextAsync("SDIS 77");
        var call = results.Locator("a[href='tel:+33639985001']");
        await Assertions.Expect(call).ToBeVisibleAsync();
        await page.ScreenshotAsync(screenshot);
    }
}
