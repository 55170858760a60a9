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

    // One Chromium for the whole run: launching Playwright's driver and the browser for each class cost
    // seconds each time. The classes that use it run one at a time (WebCollection); each closes, when it
    // ends, the contexts it left open, as disposing its own browser used to.
    private static readonly Lock Launching = new();
    private static Task<IBrowser>? _shared;

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
        Browser = await SharedAsync();
    }

    /// <summary>The run's browser, launched again if it has gone (a crash must not fail every class after it).</summary>
    private static Task<IBrowser> SharedAsync()
    {
        lock (Launching)
        {
            if (_shared is null || _shared is { IsCompletedSuccessfully: true, Result.IsConnected: false } || _shared.IsFaulted)
            {
                _shared = LaunchAsync();
            }
            return _shared;
        }
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        // Playwright's driver (and the browser with it) ends with this process.
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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
        if (Browser is null) return;
        foreach (var context in Browser.Contexts.ToList()) await context.CloseAsync();
    }
}
