using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Benchmarks.Hosting;

/// <summary>
/// The real Enki app in this process, on a loopback Kestrel port of its own, with its data in
/// <paramref name="dataPath"/> (deleted on disposal unless <paramref name="keepData"/>) and the load tool's settings on top of the
/// embedded defaults (SQLite, production environment, simulator off).
/// </summary>
// Any type of Enki.Web names its entry point; "Program" here would be this tool's own.
internal sealed class LoopbackEnki(string dataPath, IReadOnlyDictionary<string, string> settings, bool keepData = false) : WebApplicationFactory<Enki.Web.Components.App>
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
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (keepData) return;
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }
}
