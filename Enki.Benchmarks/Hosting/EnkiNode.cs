using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Enki.Benchmarks.Hosting;

/// <summary>
/// One Enki node as its own process (<c>dotnet Enki.Web.dll</c> from this tool's folder) on a free
/// loopback port, with the given settings as environment variables, so its memory and CPU time can
/// be read from <c>/proc</c> apart from the load that drives it. Stopped (SIGTERM, then killed) when disposed.
/// </summary>
internal sealed class EnkiNode : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private EnkiNode(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static async Task<EnkiNode> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var address = new Uri($"http://127.0.0.1:{ThrowawayServers.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Enki.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var node = new EnkiNode(Process.Start(start)!, address);
        // Stopped with this tool even when it is interrupted (SIGTERM, Ctrl+C).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => node.Kill();
        node._process.OutputDataReceived += (_, e) => { lock (node._output) node._output.AppendLine(e.Data); };
        node._process.ErrorDataReceived += (_, e) => { lock (node._output) node._output.AppendLine(e.Data); };
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (node._process.HasExited) throw new InvalidOperationException($"node stopped at start ({node._process.ExitCode}):\n{node.Output}");
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"node did not answer /health in {timeout.TotalSeconds:0} s:\n{node.Output}");
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Resident memory (VmRSS), bytes.</summary>
    public long ResidentBytes() =>
        File.ReadLines($"/proc/{Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).First();

    /// <summary>User plus system CPU time so far (<c>/proc/PID/stat</c>, clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name.
        return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { } // disposed: already stopped
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)])) await terminate.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }
}
