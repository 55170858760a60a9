using Microsoft.Playwright;

namespace Enki.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). Missing Chromium skips the
/// end-to-end tests locally with a clear reason; under CI (<c>CI</c> or <c>ENKI_E2E_REQUIRED</c> set)
/// it fails them instead.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string? UnavailableReason { get; private set; }

    public static bool Required => StrictRun.IsOn;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            UnavailableReason = $"Chromium introuvable ({ExecutablePath}) : installez-le avec « apt-get install -y chromium ».";
            if (Required) throw new InvalidOperationException(UnavailableReason);
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>Skips the calling test when Chromium is missing and not required.</summary>
    public IBrowser Require()
    {
        Skip.If(Browser is null, UnavailableReason);
        return Browser!;
    }

    /// <summary>
    /// A page in a new French context (Paris time) of the given size, signed in as <paramref name="user"/>.
    /// The context joins <paramref name="contexts"/>, which the test closes before disposing its host.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(Uri baseAddress, string user, int width, int height, ICollection<IBrowserContext> contexts)
    {
        var context = await Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseAddress, user);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
