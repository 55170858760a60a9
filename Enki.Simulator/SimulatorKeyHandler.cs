using Enki.Infrastructure.Nexsis;
using Microsoft.Extensions.Options;

namespace Enki.Simulator;

/// <summary>
/// Sends the NexSIS key with Enki's own calls to the built-in simulator (its paths only): the simulator's
/// endpoints refuse anyone without it. A real platform's addresses never get the key.
/// </summary>
public sealed class SimulatorKeyHandler(IOptions<NexsisOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith(SimulatorPaths.Root, StringComparison.Ordinal)
            && options.Value.InboundApiKey is { Length: > 0 } key)
        {
            request.Headers.Remove(NexsisKey.Header);
            request.Headers.Add(NexsisKey.Header, key);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
