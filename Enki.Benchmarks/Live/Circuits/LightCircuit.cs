using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Benchmarks.Live.Circuits;

/// <summary>
/// One dashboard as the server sees it, without a browser: a Blazor Server circuit opened the way
/// blazor.web.js opens it (prerendered page, <c>StartCircuit</c>, <c>UpdateRootComponents</c> with
/// the page's markers), every render batch acknowledged, every JS interop call answered with a
/// default (an object reference where one is expected), so the circuit stays healthy, and every
/// navigation the server asks for followed as the browser's router does (<c>OnLocationChanged</c>). It renders
/// nothing: it looks for awaited texts in the batches' bytes (their string table is UTF-8) and
/// notes the <see cref="Stopwatch"/> timestamp of the batch that first carries each.
/// </summary>
internal sealed class LightCircuit : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly object _gate = new();
    private readonly List<(byte[] Text, TaskCompletionSource<long> Seen)> _awaited = [];
    private long _nextObjectId = 1000;

    private readonly Uri _page;

    private LightCircuit(HubConnection hub, Uri page) => (_hub, _page) = (hub, page);

    /// <summary>Render batches received (each acknowledged), JS calls answered, and the last circuit error.</summary>
    public int Batches;
    public int JsCalls;
    public string? Error { get; private set; }

    /// <summary>Each render batch's bytes with its <see cref="Stopwatch"/> timestamp, for a caller reading more than awaited texts.</summary>
    public Action<long, byte[]>? BatchSeen { get; set; }

    /// <summary>Navigations the server asked for (NavigateTo) and followed.</summary>
    public int Navigations;

    private const string NavigateTo = "Blazor._internal.navigationManager.navigateTo";

    public static async Task<LightCircuit> OpenAsync(Uri page, CookieContainer cookies, string readyText, ILoggerFactory? logging = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        var prerendered = await PrerenderedPage.LoadAsync(http, page);

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(page, "/_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        if (logging is not null) builder.Services.AddSingleton(logging);
        var hub = builder.Build();
        hub.ServerTimeout = TimeSpan.FromMinutes(2);
        hub.HandshakeTimeout = TimeSpan.FromMinutes(1);
        var circuit = new LightCircuit(hub, page);
        var ready = circuit.Await(readyText);
        hub.On<long, byte[]>("JS.RenderBatch", circuit.OnRenderBatchAsync);
        // .NET 10 sends (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], circuit.OnBeginInvokeJSAsync);
        hub.On<string>("JS.Error", error => circuit.Error = error);
        hub.Closed += error =>
        {
            circuit.Error ??= "connection closed" + (error is null ? "" : ": " + error.Message);
            return Task.CompletedTask;
        };

        await hub.StartAsync();
        var baseUri = new Uri(page, "/").ToString();
        var id = await hub.InvokeAsync<string?>("StartCircuit", baseUri, page.ToString(), "[]", prerendered.ApplicationState);
        if (string.IsNullOrEmpty(id)) throw new InvalidOperationException($"StartCircuit refused: {circuit.Error}");
        await hub.SendAsync("UpdateRootComponents", prerendered.AddOperations(), prerendered.ApplicationState);
        try
        {
            await ready.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"no render with '{readyText}' after {circuit.Batches} batches ({circuit.Error})");
        }
        return circuit;
    }

    /// <summary>Completes with the timestamp of the first render batch, from now on, that carries <paramref name="text"/>.</summary>
    public Task<long> Await(string text)
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _awaited.Add((Encoding.UTF8.GetBytes(text), seen));
        return seen.Task;
    }

    /// <summary>ENKI_LOAD_TRACE=1 writes each JS call and batch size to stderr, to check what a page asks of the browser.</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("ENKI_LOAD_TRACE") == "1";

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        if (Trace) Console.Error.WriteLine($"batch {batchId}: {data.Length} bytes");
        var at = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref Batches);
        BatchSeen?.Invoke(at, data);
        lock (_gate)
        {
            for (var i = _awaited.Count - 1; i >= 0; i--)
            {
                if (data.AsSpan().IndexOf(_awaited[i].Text) < 0) continue;
                _awaited[i].Seen.TrySetResult(at);
                _awaited.RemoveAt(i);
            }
        }
        try
        {
            await _hub.SendAsync("OnRenderCompleted", batchId, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error ??= e.Message;
        }
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        Interlocked.Increment(ref JsCalls);
        var handle = (long)args[0]!;
        if (Trace) Console.Error.WriteLine($"js {handle} {args[1]} result type {args[3]} target {args[4]} call type {args[5]}");
        if (handle == 0) // fire and forget
        {
            await FollowAsync(args);
            return;
        }
        // JSCallResultType: 1 (JSObjectReference) gets a made-up reference, so later calls on it get an answer too;
        // 3 (JSVoidResult) null. Calls with a value on such a reference are Enki's Leaflet module, whose functions
        // answer a count; MudBlazor's take null.
        var result = (int)args[3]! switch
        {
            1 => $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextObjectId)}}}",
            0 when (long)args[4]! != 0 => "0",
            _ => "null",
        };
        try
        {
            await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error ??= e.Message;
        }
        await FollowAsync(args);
    }

    /// <summary>
    /// An internal navigation (a replay's step writes its instant in the address): the browser's router moves
    /// and tells the circuit, which renders the page for the new address.
    /// </summary>
    private async Task FollowAsync(object?[] args)
    {
        if ((string?)args[1] != NavigateTo) return;
        using var arguments = System.Text.Json.JsonDocument.Parse((string)args[2]!);
        if (arguments.RootElement[0].GetString() is not { } uri) return;
        Interlocked.Increment(ref Navigations);
        try
        {
            await _hub.SendAsync("OnLocationChanged", new Uri(_page, uri).ToString(), null, false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error ??= e.Message;
        }
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();
}
