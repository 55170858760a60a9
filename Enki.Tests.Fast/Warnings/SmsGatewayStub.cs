using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Warnings;

/// <summary>One request as the SMS provider received it.</summary>
internal sealed record ReceivedSms(IReadOnlyDictionary<string, string> Headers, string ContentType, string Body);

/// <summary>A stand-in SMS provider's HTTP gateway on a loopback port: records every POST it takes.</summary>
internal sealed class SmsGatewayStub : IAsyncDisposable
{
    private readonly List<ReceivedSms> _received = [];
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<ReceivedSms> Received
    {
        get
        {
            lock (_received) return _received.ToList();
        }
    }

    public async Task<SmsGatewayStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/sms", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            lock (_received) _received.Add(new ReceivedSms(headers, request.ContentType ?? "", body));
            return Results.Json(new { status = "accepted" });
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(new Uri(address), "/v1/sms");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
