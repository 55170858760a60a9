using System.Net;
using System.Net.Http.Json;

namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>The platform no longer holds the messages after our cursor (it restarted, or we were away too long).</summary>
public sealed class FeedCursorExpiredException(string cursor) : Exception($"Feed cursor {cursor} expired");

/// <summary>Reads the exchange platform's feed through the resilient NexSIS client.</summary>
public sealed class NexsisFeedClient(IHttpClientFactory httpClients)
{
    public async Task<FeedPage> ReadAsync(Uri feed, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var query = $"limit={limit}" + (string.IsNullOrEmpty(cursor) ? "" : $"&after={Uri.EscapeDataString(cursor)}");
        var address = new UriBuilder(feed) { Query = query }.Uri;
        using var response = await httpClients.CreateClient(NexsisHttp.ClientName).GetAsync(address, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Gone && cursor is not null)
        {
            throw new FeedCursorExpiredException(cursor);
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<FeedPage>(cancellationToken)
               ?? throw new InvalidOperationException("Le flux NexSIS a renvoyé une réponse vide.");
    }
}
