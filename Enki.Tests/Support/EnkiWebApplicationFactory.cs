using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Enki.Domain.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Support;

/// <summary>
/// The real Enki app on its embedded defaults, with a data folder of its own (a real SQLite file)
/// that is deleted afterwards, starting from a copy of <see cref="MigratedDatabase"/>.
/// <see cref="StartKestrel"/> serves it on a loopback port for a browser.
/// </summary>
public sealed class EnkiWebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public EnkiWebApplicationFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "enki-tests", Guid.NewGuid().ToString("N"));
        _settings["Enki:DataPath"] = DataPath;
        // Tests feed their own messages; the ones that want the simulator switch it back on.
        _settings["Enki:Simulator:Enabled"] = "false";
        // Nor weeks of ordinary history (thousands of messages) unless a test asks for them.
        _settings["Enki:Simulator:Background"] = "00:00:00";
        // Every test signs in from the same loopback address; the one about throttling sets the real limit.
        _settings["Enki:SignIn:AttemptsPerAddress"] = "10000";
        // The "Testing" environment is not Development: the demo accounts the tests sign in with are asked for.
        _settings["Enki:Demo:Enabled"] = "true";
        // Nor the demo crises: tests open their own; the demo's own test switches them back on.
        _settings["Enki:Demo:Crises"] = "false";
    }

    public string DataPath { get; }

    /// <summary>Set by <see cref="WithFakeClock"/>: the app's <see cref="TimeProvider"/>, moved by the test.</summary>
    public FakeTimeProvider? Clock { get; private set; }

    /// <summary>Replaces the app's clock (before the host starts).</summary>
    public EnkiWebApplicationFactory WithFakeClock()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return this;
    }

    /// <summary>Set by <see cref="WithBusyServer"/>: the delay each browser message waits before the app sees it.</summary>
    public TimeSpan? ServerDelay { get; private set; }

    /// <summary>Makes every circuit slow to answer (before the host starts): see <see cref="BusyServer"/>.</summary>
    public EnkiWebApplicationFactory WithBusyServer(TimeSpan delay)
    {
        ServerDelay = delay;
        return this;
    }

    /// <summary>Overrides one setting (before the host starts).</summary>
    public EnkiWebApplicationFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds or replaces services (before the host starts).</summary>
    public EnkiWebApplicationFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Leaves a setting unset, as on a server that never mentions it (before the host starts).</summary>
    public EnkiWebApplicationFactory Without(string key)
    {
        _settings.Remove(key);
        return this;
    }

    /// <summary>Starts the app on a real Kestrel port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The schema comes ready-made: the app's migration step at start finds nothing left to apply.
        if (!File.Exists(Path.Combine(DataPath, MigratedDatabase.FileName))) MigratedDatabase.CopyTo(DataPath);
        builder.UseEnvironment("Testing");
        // Outside Development the static web assets manifest (MudBlazor, blazor.web.js) must be opted in.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
            if (ServerDelay is { } delay)
            {
                services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(_ => new BusyServer(delay));
            }
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
            foreach (var configure in _services) configure(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // Hangfire's server may overrun the host's stop timeout on a loaded machine; the test is over either way.
        }
        TestEngines.ClearPools(); // SQLite's file handles, PostgreSQL's connections
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } // best effort
    }
}
