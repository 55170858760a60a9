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
        RequireExecutable();
        return await Started.Value;
    }

    /// <summary>A server of the test's own on <paramref name="port"/>, killed when disposed (Redis coming late, going away).</summary>
    public static async Task<IAsyncDisposable> StartOwnAsync(int port)
    {
        RequireExecutable();
        var server = await LaunchAsync(port);
        return new Running(server);
    }

    private static void RequireExecutable()
    {
        if (File.Exists(Executable)) return;
        var reason = $"Redis introuvable ({Executable}) : installez-le avec « apt-get install -y redis-server ».";
        if (StrictRun.IsOn) throw new InvalidOperationException(reason);
        Skip.If(true, reason);
    }

    private static async Task<string> StartAsync()
    {
        var port = LoopbackPort.Free();
        var server = await LaunchAsync(port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!server.HasExited) server.Kill();
        };
        return $"127.0.0.1:{port}";
    }

    private static async Task<Process> LaunchAsync(int port)
    {
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
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    private sealed class Running(Process server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!server.HasExited) server.Kill();
            await server.WaitForExitAsync();
            server.Dispose();
        }
    }
}
