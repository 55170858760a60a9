using System.Diagnostics;
using System.Globalization;
using Enki.Benchmarks.Hosting;
using static Enki.Benchmarks.Measures;

namespace Enki.Benchmarks.Live;

/// <summary>
/// The live path end to end: Enki on a Kestrel port in this process, N dashboards open in Chromium
/// (one Blazor circuit each, driven from a child process), NexSIS pushes a new incident, and each
/// dashboard's "en cours" counter is watched until it shows it. Prints p50/p95 latency from the
/// push's 202 to each circuit's server render of the change (<see cref="ServerRenderProbe"/>) and to
/// the change shown in each page, the server's managed memory per open circuit and its CPU time per
/// push. A load tool, not a test: it prints numbers.
/// </summary>
public static class LivePathLoad
{
    private const string PushKey = "live-path-load-key";
    private const int Rounds = 10;

    /// <summary>The department dashboard: counters, chart, latest incidents, live map.</summary>
    public const string DefaultPage = "tableau-de-bord/departement/77";

    public static async Task<int> RunAsync(IReadOnlyList<int> circuitCounts, string pagePath, TimeSpan hold, bool census, bool sharedCores, bool light = false)
    {
        Console.WriteLine($"page: /{pagePath}");
        var data = Path.Combine(Path.GetTempPath(), "enki-live-load-" + Guid.NewGuid().ToString("N"));
        using var probe = new ServerRenderProbe(typeof(Enki.Web.Components.Dashboard.DashboardCounters).FullName!, typeof(Enki.Web.Components.Wall.WallCounters).FullName!);
        await using var app = new LoopbackEnki(data, new Dictionary<string, string>
        {
            ["Enki:Demo:Enabled"] = "true", // signs in as sdis77
            ["Enki:Nexsis:InboundApiKey"] = PushKey,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var baseAddress = app.Start();
        using var fleet = BrowsersProcess(baseAddress, pagePath, sharedCores);
        await ExpectAsync(fleet, "ready");
        // With --light, one light circuit (no browser) beside the pages: it must see each push as they do.
        await using var lightCircuit = light
            ? await Circuits.LightCircuit.OpenAsync(new Uri(baseAddress, pagePath), await Circuits.SignedInSession.SignInAsync(baseAddress, "sdis77"), "count-in-progress")
            : null;

        Console.WriteLine(sharedCores || Environment.ProcessorCount == 1
            ? $"push → figures rendered by the server (render batch leaving for the browser), and → shown in Chromium; server and browsers share the {Environment.ProcessorCount} cores"
            : $"push → figures rendered by the server (render batch leaving for the browser; server on {Environment.ProcessorCount / 2} of {Environment.ProcessorCount} cores), and → shown in Chromium (on the other cores)");
        Console.WriteLine("circuits | pushes | server p50 | server p95 | browser p50 | browser p95 | browser max | server memory per circuit (KB) | server CPU per push (ms)");
        var pushed = 0;
        // One push before measuring: the first one pays for JIT compilation of the whole path.
        await fleet.StandardInput.WriteLineAsync("open 1 0");
        await ExpectAsync(fleet, "opened");
        await PushAsync(baseAddress, ++pushed);
        await fleet.StandardInput.WriteLineAsync($"wait {pushed}");
        await fleet.StandardOutput.ReadLineAsync();
        var open = 1;
        foreach (var target in circuitCounts)
        {
            var before = ManagedMemory();
            var opened = Stopwatch.StartNew();
            await fleet.StandardInput.WriteLineAsync($"open {target} {pushed}");
            await ExpectAsync(fleet, "opened");
            // Memory per circuit from the circuits this step opened (none for the first: the warm-up one is open).
            var perCircuit = target > open ? ((ManagedMemory() - before) / (target - open) / 1024.0).ToString("0", CultureInfo.InvariantCulture) : "-";
            open = Math.Max(open, target);
            var latencies = new List<double>();
            var serverLatencies = new List<double>();
            var lightLatencies = new List<double>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var round = 0; round < Rounds; round++)
            {
                pushed++;
                probe.Clear();
                var lightSeen = lightCircuit?.Await(IncidentPush.Street(pushed));
                var (accepted, acceptedTicks) = await PushAsync(baseAddress, pushed);
                await fleet.StandardInput.WriteLineAsync($"wait {pushed}");
                var seen = (await fleet.StandardOutput.ReadLineAsync())!.Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture));
                latencies.AddRange(seen.Select(at => at - accepted));
                if (lightSeen is not null) lightLatencies.Add(Stopwatch.GetElapsedTime(acceptedTicks, await lightSeen.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds);
                // Each circuit renders once per change; the figures' once-a-minute refresh may add a wave, left out.
                serverLatencies.AddRange(probe.Since(acceptedTicks).Order().Take(target).Select(ms => Math.Max(0, ms)));
            }
            // Pushes, intake, figures and every circuit's render: this process holds the server and nothing else.
            var cpuPerPush = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Rounds;
            latencies.Sort();
            serverLatencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target,8} | {Rounds,6} | {Percentile(serverLatencies, 0.50),10:0} | {Percentile(serverLatencies, 0.95),10:0} | {Percentile(latencies, 0.50),11:0} | {Percentile(latencies, 0.95),11:0} | {latencies[^1],11:0} | {perCircuit,10} | {cpuPerPush,8:0}  (opened in {opened.Elapsed.TotalSeconds:0.0} s, {serverLatencies.Count} server renders{(light ? $"; light circuit p50 {Percentile(lightLatencies.Order().ToList(), 0.5):0}, max {lightLatencies.Max():0}" : "")})"));
        }
        if (census) CircuitCensus.Print(app.Services);
        if (hold > TimeSpan.Zero)
        {
            // Time to take a heap snapshot of the circuits: dotnet-gcdump collect -p <pid>.
            Console.WriteLine($"holding {open} circuits for {hold.TotalSeconds:0} s, process {Environment.ProcessId}");
            await Task.Delay(hold);
        }
        fleet.StandardInput.Close();
        await fleet.WaitForExitAsync();
        return 0;
    }

    /// <summary>
    /// This same tool, run as <c>live-browsers</c> (see <see cref="BrowserFleet"/>) at the lowest
    /// priority and, unless <paramref name="sharedCores"/>, on cores of its own, Chromium inheriting
    /// them: in production the browsers run on the users' machines, here two hundred of them would
    /// otherwise take the server's turn. The server then keeps the first half of the cores.
    /// </summary>
    private static Process BrowsersProcess(Uri baseAddress, string pagePath, bool sharedCores)
    {
        var cores = Environment.ProcessorCount;
        var serverCores = Math.Max(1, cores / 2);
        var isolate = cores > 1 && !sharedCores;
        var start = new ProcessStartInfo(isolate ? "taskset" : "nice") { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (isolate)
        {
            Process.GetCurrentProcess().ProcessorAffinity = (nint)((1L << serverCores) - 1);
            foreach (var argument in new[] { "-c", $"{serverCores}-{cores - 1}", "nice" }) start.ArgumentList.Add(argument);
        }
        foreach (var argument in new[] { "-n", "19", Environment.ProcessPath! }) start.ArgumentList.Add(argument);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(LivePathLoad).Assembly.Location);
        foreach (var argument in new[] { "live-browsers", baseAddress.ToString(), pagePath }) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    private static async Task ExpectAsync(Process fleet, string answer)
    {
        var line = await fleet.StandardOutput.ReadLineAsync();
        if (line != answer) throw new InvalidOperationException($"browsers answered '{line}' instead of '{answer}'");
    }

    private static async Task<(double UnixMs, long Ticks)> PushAsync(Uri baseAddress, int n)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        return await IncidentPush.PushAsync(http, PushKey, n);
    }

    private static long ManagedMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
