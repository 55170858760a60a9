using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Nexsis.Feed;

/// <summary>A stand-in exchange platform on a loopback port whose feed can be switched off and on.</summary>
internal sealed class TestFeedServer : IAsyncDisposable
{
    private readonly List<(string Id, string Payload)> _messages = [];
    private WebApplication? _app;

    public bool Available { get; set; } = true;

    public int Requests { get; private set; }

    public Uri Feed { get; private set; } = null!;

    public void Add(string id, byte[] payload)
    {
        lock (_messages) _messages.Add((id, Encoding.UTF8.GetString(payload)));
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/feed", (string? after, int? limit) =>
        {
            Requests++;
            if (!Available) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            lock (_messages)
            {
                var start = int.TryParse(after, out var position) ? position : 0;
                var page = _messages.Skip(start).Take(limit ?? 500)
                    .Select(m => new { id = m.Id, contentType = "application/json", payload = m.Payload }).ToList();
                return Results.Json(new { cursor = (start + page.Count).ToString(), messages = page });
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Feed = new Uri(new Uri(address), "/feed");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
