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

    /// <summary>Signs in through the sign-in page, as a person would, and waits to leave it.</summary>
    public static async Task SignInAsync(this IPage page, Uri baseAddress, string userName, string password = SignInClient.DemoPassword)
    {
        await page.GotoAsync(new Uri(baseAddress, "compte/connexion").ToString());
        await page.Locator("#identifiant").FillAsync(userName);
        await page.Locator("#mot-de-passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion"), new PageWaitForURLOptions { Timeout = 15_000 });
    }

    /// <summary>Saves a screenshot under <c>TestResults/screenshots</c> for a person to look at.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        // Transitions finished (a button just chosen shows its final colours), as a person sees it a moment later.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
