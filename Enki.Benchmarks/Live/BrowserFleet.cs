using System.Globalization;
using Microsoft.Playwright;

namespace Enki.Benchmarks.Live;

/// <summary>
/// The browsers of the live-path load, in a process of their own so that the server's memory and CPU
/// figures are the server's alone. Signs in once, then answers the orchestrator line by line on
/// stdin/stdout: <c>open N EXPECTED</c> opens dashboards until N are open (each showing EXPECTED
/// incidents in progress) and answers <c>opened</c>; <c>wait COUNT</c> answers, once every dashboard
/// shows COUNT, the page clock's times (ms since the epoch) at which each one changed to it.
/// </summary>
internal static class BrowserFleet
{
    public static async Task<int> RunAsync(Uri baseAddress, string pagePath)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                    // Dashboards of one site share a few renderer processes rather than one each (200 × 90 MB on one machine).
                    "--renderer-process-limit=4"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 800, Height = 600 } });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(new Uri(baseAddress, "compte/connexion").ToString());
        await signIn.Locator("#identifiant").FillAsync("sdis77");
        await signIn.Locator("#mot-de-passe").FillAsync("Enki-demo-2026!");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("/compte/connexion"));
        await signIn.CloseAsync();

        var pages = new List<IPage>();
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ');
            switch (words[0])
            {
                case "open":
                    var target = int.Parse(words[1], CultureInfo.InvariantCulture);
                    while (pages.Count < target)
                    {
                        var batch = Enumerable.Range(0, Math.Min(10, target - pages.Count)).Select(_ => OpenDashboardAsync(context, baseAddress, pagePath, words[2]));
                        pages.AddRange(await Task.WhenAll(batch));
                    }
                    Console.WriteLine("opened");
                    break;
                case "wait":
                    var seen = await Task.WhenAll(pages.Select(p => WaitForCountAsync(p, words[1])));
                    Console.WriteLine(string.Join(' ', seen.Select(t => t.ToString("R", CultureInfo.InvariantCulture))));
                    break;
            }
        }
        return 0;
    }

    private static async Task<IPage> OpenDashboardAsync(IBrowserContext context, Uri baseAddress, string pagePath, string expected)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, pagePath).ToString());
        await page.WaitForFunctionAsync("() => document.querySelector('[data-circuit=\"connected\"]') !== null", null, new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=count-in-progress]')?.textContent.trim() === '{expected}'", null, new() { Timeout = 60_000 });
        // Record when the counter changes, with the page's own wall clock (same machine as the pusher);
        // __enkiSeen(n) resolves once it shows n, so waiting costs the page nothing (no polling).
        await page.EvaluateAsync("""
            () => {
              const seen = {}, waiting = {};
              const target = document.querySelector('[data-testid=count-in-progress]');
              new MutationObserver(() => {
                const value = target.textContent.trim();
                if (seen[value] === undefined) { seen[value] = Date.now(); waiting[value]?.(seen[value]); }
              }).observe(target, { childList: true, characterData: true, subtree: true });
              window.__enkiSeen = value => seen[value] !== undefined
                ? Promise.resolve(seen[value])
                : new Promise(resolve => { waiting[value] = resolve; });
            }
            """);
        return page;
    }

    private static Task<double> WaitForCountAsync(IPage page, string expected) =>
        page.EvaluateAsync<double>("value => window.__enkiSeen(value)", expected).WaitAsync(TimeSpan.FromSeconds(30));
}
