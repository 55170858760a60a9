using System.Net.Http.Headers;
using System.Text;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;

namespace Enki.Infrastructure.Warnings.Channels;

/// <summary>Hands one SMS to whatever carries it; <paramref name="reference"/> is the delivery, for the far side to drop a repeat.</summary>
public interface ISmsSender
{
    Task SendAsync(string to, string text, Guid reference, CancellationToken cancellationToken);
}

/// <summary>The embedded default, without a gateway: the SMS is recorded in the outbox (« SMS » as its subject), not sent.</summary>
public sealed class OutboxSmsSender(IMailSender outbox) : ISmsSender
{
    public const string Subject = "SMS (non envoyé : aucune passerelle configurée)";

    public Task SendAsync(string to, string text, Guid reference, CancellationToken cancellationToken) =>
        outbox.RecordAsync(to, Subject, text, $"sms:{reference}", cancellationToken);
}

/// <summary>
/// A provider's HTTP gateway (<c>Enki:Sms:*</c>): POST of the filled JSON template with the configured
/// headers, through the named resilient client (retries with jitter, circuit breaker, timeouts).
/// A refusal (status outside 2xx) throws: the delivery fails and is tried again later.
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, EnkiOptions options) : ISmsSender
{
    public const string ClientName = "sms";

    public async Task SendAsync(string to, string text, Guid reference, CancellationToken cancellationToken)
    {
        var sms = options.Sms;
        var body = SmsBodyTemplate.Render(sms.BodyTemplate, SmsBodyTemplate.Values(to, text, reference));
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in sms.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        HttpResponseMessage answered;
        try
        {
            answered = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"Passerelle SMS injoignable : {ex.Message}", ex);
        }
        using var response = answered;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Passerelle SMS : {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }
}
