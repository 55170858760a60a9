using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Enki.Infrastructure.Hosting;

/// <summary>
/// An outside system's address from the settings: absolute as given, or relative — « on this server » (the built-in
/// simulator's) — resolved against the address Kestrel actually listens on, so Enki talks to it over real HTTP.
/// </summary>
public static class LocalAddress
{
    /// <summary>The absolute address; null when none is set, or when it is relative and the server listens nowhere (yet).</summary>
    public static Uri? Resolve(string? address, IServer? server)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        if (Uri.TryCreate(address, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute;
        }
        var listening = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null)
        {
            return null;
        }
        var local = new UriBuilder(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (local.Host is "0.0.0.0" or "[::]" or "::")
        {
            local.Host = "localhost";
        }
        return new Uri(local.Uri, address);
    }
}
