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

    public static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENKI_E2E_REQUIRED"));

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

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
