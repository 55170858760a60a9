using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis;

/// <summary>
/// Resolves the exchange platform's addresses. A relative address (the built-in simulator's) means
/// "on this server": it is resolved against the address Kestrel actually listens on, so Enki talks
/// to its simulator over real HTTP.
/// </summary>
public sealed class NexsisAddresses(IOptions<NexsisOptions> options, IServer server)
{
    public Uri? Feed => Resolve(options.Value.FeedUrl);

    public Uri? Acknowledgements => Resolve(options.Value.AcknowledgementUrl);

    private Uri? Resolve(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        if (Uri.TryCreate(address, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute;
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
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
