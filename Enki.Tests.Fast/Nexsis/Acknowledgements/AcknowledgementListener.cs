using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>One RC-REF as the platform received it: its own id and the distribution it acknowledges.</summary>
internal sealed record ReceivedAcknowledgement(string AcknowledgementId, string AcknowledgedDistributionId);

/// <summary>A stand-in exchange platform on a loopback port that records the RC-REF it receives; it can refuse them.</summary>
internal sealed class AcknowledgementListener : IAsyncDisposable
{
    private readonly List<ReceivedAcknowledgement> _received = [];
    private TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hanging;
    private WebApplication? _app;
    private int _held;

    /// <summary>False: answers 503, as a platform in maintenance.</summary>
    public bool Available { get; set; } = true;

    /// <summary>True: takes the requests and does not answer them, as a platform that hangs; false again ends the held ones (503).</summary>
    public bool Hanging
    {
        get => _hanging;
        set
        {
            if (value) _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
            else _answer.TrySetResult();
            _hanging = value;
        }
    }

    /// <summary>Requests taken and left unanswered while <see cref="Hanging"/>; not counted as received.</summary>
    public int Held => Volatile.Read(ref _held);

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<ReceivedAcknowledgement> Received
    {
        get
        {
            lock (_received) return _received.ToList();
        }
    }

    public int DistinctAcknowledged => Received.Select(r => r.AcknowledgedDistributionId).Distinct().Count();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/acquittements", async (HttpRequest request) =>
        {
            if (!Available) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            if (Hanging)
            {
                var answer = _answer.Task;
                Interlocked.Increment(ref _held);
                await answer;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var reference = root.GetProperty("content")[0].GetProperty("jsonContent").GetProperty("embeddedJsonContent")
                .GetProperty("message").GetProperty("reference");
            lock (_received)
            {
                _received.Add(new ReceivedAcknowledgement(root.GetProperty("distributionID").GetString()!, reference.GetProperty("distributionID").GetString()!));
            }
            return Results.Accepted();
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(new Uri(address), "/acquittements");
    }

    public async ValueTask DisposeAsync()
    {
        _answer.TrySetResult(); // the held requests end, so that the server can stop
        if (_app is not null) await _app.DisposeAsync();
    }
}
