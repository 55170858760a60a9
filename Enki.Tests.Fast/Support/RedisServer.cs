using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enki.Tests.Support;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's) for the test run, on a free loopback port, without
/// persistence, stopped when the test process exits. Missing, the tests skip locally and fail under CI.
/// </summary>
public static class RedisServer
{
    public const string Executable = "/usr/bin/redis-server";

    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <summary>The server's StackExchange.Redis configuration; skips the calling test when Redis is missing and not required.</summary>
    public static async Task<string> ConfigurationAsync()
    {
        if (!File.Exists(Executable))
        {
            var reason = $"Redis introuvable ({Executable}) : installez-le avec « apt-get install -y redis-server ».";
            if (StrictRun.IsOn) throw new InvalidOperationException(reason);
            Skip.If(true, reason);
        }
        return await Started.Value;
    }

    private static async Task<string> StartAsync()
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            start.ArgumentList.Add(argument);
        }
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!server.HasExited) server.Kill();
        };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return $"127.0.0.1:{port}";
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

}
