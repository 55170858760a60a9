namespace Enki.Tests.Support;

/// <summary>Pushes a NexSIS payload into a running Enki through its push channel, as the exchange platform would.</summary>
public static class NexsisPush
{
    public static async Task<HttpResponseMessage> PushNexsisAsync(this HttpClient client, byte[] payload, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nexsis/messages") { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
