using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Benchmarks.Live;

/// <summary>
/// The live path end to end: Enki on a Kestrel port, N dashboards open in Chromium (one Blazor
/// circuit each), NexSIS pushes a new incident, and each dashboard's "en cours" counter is watched
/// until it shows it. Prints p50/p95 latency from the push's 202 to the change rendered in the page,
/// and the server's managed memory per open circuit. A load tool, not a test: it prints numbers.
/// </summary>
public static class LivePathLoad
{
    private const string PushKey = "live-path-load-key";
    private const int Rounds = 10;

    /// <summary>The department dashboard: counters, chart, latest incidents, live map.</summary>
    public const string DefaultPage = "tableau-de-bord/departement/77";

    public static async Task<int> RunAsync(IReadOnlyList<int> circuitCounts, string pagePath, TimeSpan hold)
    {
        Console.WriteLine($"page: /{pagePath}");
        var data = Path.Combine(Path.GetTempPath(), "enki-live-load-" + Guid.NewGuid().ToString("N"));
        await using var app = new EnkiHost(data);
        var baseAddress = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 800, Height = 600 } });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(new Uri(baseAddress, "compte/connexion").ToString());
        await signIn.Locator("#identifiant").FillAsync("sdis77");
        await signIn.Locator("#mot-de-passe").FillAsync("Enki-demo-2026!");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("/compte/connexion"));
        await signIn.CloseAsync();

        Console.WriteLine("circuits | pushes | p50 (ms) | p95 (ms) | max (ms) | managed memory per circuit (KB)");
        var pages = new List<IPage>();
        var pushed = 0;
        foreach (var target in circuitCounts)
        {
            var before = ManagedMemory(app);
            var alreadyOpen = pages.Count;
            var opened = Stopwatch.StartNew();
            while (pages.Count < target)
            {
                var batch = Enumerable.Range(0, Math.Min(10, target - pages.Count)).Select(_ => OpenDashboardAsync(context, baseAddress, pagePath, pushed));
                pages.AddRange(await Task.WhenAll(batch));
            }
            var perCircuit = (ManagedMemory(app) - before) / Math.Max(1, pages.Count - alreadyOpen);
            var latencies = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                pushed++;
                var accepted = await PushAsync(baseAddress, pushed);
                var seen = await Task.WhenAll(pages.Select(p => WaitForCountAsync(p, pushed)));
                latencies.AddRange(seen.Select(at => at - accepted));
            }
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target,8} | {Rounds,6} | {Percentile(latencies, 0.50),8:0} | {Percentile(latencies, 0.95),8:0} | {latencies[^1],8:0} | {perCircuit / 1024.0,10:0}  (opened in {opened.Elapsed.TotalSeconds:0.0} s)"));
        }
        if (hold > TimeSpan.Zero)
        {
            // Time to take a heap snapshot of the circuits: dotnet-gcdump collect -p <pid>.
            Console.WriteLine($"holding {pages.Count} circuits for {hold.TotalSeconds:0} s, process {Environment.ProcessId}");
            await Task.Delay(hold);
        }
        return 0;
    }

    private static async Task<IPage> OpenDashboardAsync(IBrowserContext context, Uri baseAddress, string pagePath, int expected)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, pagePath).ToString());
        await page.WaitForFunctionAsync("() => document.querySelector('[data-circuit=\"connected\"]') !== null", null, new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=count-in-progress]')?.textContent.trim() === '{expected}'", null, new() { Timeout = 60_000 });
        // Record when the counter changes, with the page's own wall clock (same machine as the pusher).
        await page.EvaluateAsync("""
            () => {
              window.__enki = {};
              const target = document.querySelector('[data-testid=count-in-progress]');
              new MutationObserver(() => { window.__enki[target.textContent.trim()] ??= Date.now(); })
                .observe(target, { childList: true, characterData: true, subtree: true });
            }
            """);
        return page;
    }

    private static async Task<double> WaitForCountAsync(IPage page, int expected)
    {
        var handle = await page.WaitForFunctionAsync($"() => window.__enki['{expected}']", null, new() { Timeout = 30_000, PollingInterval = 50 });
        return await handle.JsonValueAsync<double>();
    }

    private static async Task<double> PushAsync(Uri baseAddress, int n)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var caseId = $"fr.fire.sis077.load.SC-{n:0000}";
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["createCase"] = new System.Text.Json.Nodes.JsonObject
            {
                ["caseId"] = caseId,
                ["creation"] = at,
                ["referenceVersion"] = "2.01.3",
                ["qualification"] = new System.Text.Json.Nodes.JsonObject { ["whatsHappen"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "C04.02.01", ["label"] = "Incendie" } },
                ["location"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["city"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "Chelles", ["inseeCode"] = "77108" },
                    ["country"] = "FR",
                    ["geometry"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["point"] = new System.Text.Json.Nodes.JsonObject { ["coord"] = new System.Text.Json.Nodes.JsonObject { ["lat"] = 48.8786, ["lon"] = 2.5914, ["precision"] = "ADRESSE" } },
                        ["datetime"] = at,
                    },
                },
            },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nexsis/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", PushKey);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"push answered {response.StatusCode}");
        return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    private static long ManagedMemory(EnkiHost _)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The real Enki app on its embedded defaults, in this process, on a loopback Kestrel port.</summary>
    // Any type of Enki.Web names its entry point; "Program" here would be this tool's own.
    private sealed class EnkiHost(string dataPath) : WebApplicationFactory<Enki.Web.Components.App>
    {
        public Uri Start()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("Enki:DataPath", dataPath);
            builder.UseSetting("Enki:Simulator:Enabled", "false");
            builder.UseSetting("Enki:Nexsis:InboundApiKey", PushKey);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }
}
