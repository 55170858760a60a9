using System.Net.Http.Json;

namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>Reads the exchange platform's feed through the resilient NexSIS client.</summary>
public sealed class NexsisFeedClient(IHttpClientFactory httpClients)
{
    public async Task<FeedPage> ReadAsync(Uri feed, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var query = $"limit={limit}" + (string.IsNullOrEmpty(cursor) ? "" : $"&after={Uri.EscapeDataString(cursor)}");
        var address = new UriBuilder(feed) { Query = query }.Uri;
        var page = await httpClients.CreateClient(NexsisHttp.ClientName).GetFromJsonAsync<FeedPage>(address, cancellationToken);
        return page ?? throw new InvalidOperationException("Le flux NexSIS a renvoyé une réponse vide.");
    }
}
