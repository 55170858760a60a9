using Microsoft.Playwright;

namespace Enki.Tests.Support;

public static class BlazorPage
{
    /// <summary>
    /// Waits until the Blazor Server circuit is connected, so clicks reach .NET code and not a
    /// prerendered page. Blazor exposes <c>Blazor</c> on window once blazor.web.js has started.
    /// </summary>
    public static async Task WaitForCircuitAsync(this IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-circuit=\"connected\"]') !== null",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });
    }

    /// <summary>Saves a screenshot under <c>TestResults/screenshots</c> for a person to look at.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }
}
