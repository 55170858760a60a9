using Microsoft.AspNetCore.Hosting.Server;
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

    private Uri? Resolve(string? address) => Hosting.LocalAddress.Resolve(address, server);
}
