using System.Diagnostics;
using System.Net;
using System.Text;

namespace Enki.Tests.Support;

/// <summary>
/// Enki.Web as its own operating-system process on a loopback port (Production environment), so a
/// test can kill it with SIGKILL mid-stream and start it again on the same data folder. The gateway
/// runs the same way (<see cref="GatewayProcess"/>).
/// </summary>
public sealed class EnkiProcess : IAsyncDisposable
{
    private readonly string _assembly;
    private readonly string _healthPath;
    private readonly Dictionary<string, string> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public EnkiProcess(IDictionary<string, string> settings) : this("Enki.Web.dll", "/health", settings)
    {
    }

    /// <summary>Another program of the solution, built into the tests' folder, ready once <paramref name="healthPath"/> answers 200.</summary>
    public EnkiProcess(string assembly, string healthPath, IDictionary<string, string> settings)
    {
        _assembly = assembly;
        _healthPath = healthPath;
        Port = LoopbackPort.Free();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        _settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings) _settings[key] = value; // a test may ask for another environment
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote, for the failure message of a test.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the process and waits until it answers its health address.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, _assembly));
        foreach (var (key, value) in _settings) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_assembly} stopped at start (code {_process.ExitCode}):\n{Output}");
            try
            {
                using var health = await client.GetAsync(_healthPath);
                if (health.StatusCode is HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{_assembly} did not answer {_healthPath} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>Polls until the condition holds; on timeout, fails with what the process wrote.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not reached within {timeout.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or the OOM killer leaves things.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>A graceful stop (SIGTERM), as a deployment does.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false }) return;
        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await terminate.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }
}
