using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Enki.Application.Warnings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>One message as the push service took it: checked (VAPID) and decrypted with the device's keys.</summary>
internal sealed record ReceivedPush(string Device, string Plaintext, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A push service on a loopback port, for devices whose key pairs it holds: each POST to <c>/push/{device}</c> must carry
/// a valid VAPID signature of <see cref="VapidPublicKey"/> (RFC 8292) and an aes128gcm body it decrypts (RFC 8291);
/// a device marked gone answers 410 as a real service does once the browser unsubscribed.
/// </summary>
internal sealed class PushServiceStub : IAsyncDisposable
{
    private readonly Dictionary<string, (ECDiffieHellman Key, byte[] Auth)> _devices = [];
    private readonly HashSet<string> _gone = [];
    private readonly List<ReceivedPush> _received = [];
    private readonly List<string> _refused = [];
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Set once Enki's key is known (its store generates it on first use).</summary>
    public string VapidPublicKey { get; set; } = "";

    public IReadOnlyList<ReceivedPush> Received
    {
        get
        {
            lock (_received) return _received.ToList();
        }
    }

    public IReadOnlyList<string> Refused
    {
        get
        {
            lock (_received) return _refused.ToList();
        }
    }

    /// <summary>A new browser subscription on this service: its own P-256 key pair and 16-byte auth secret, as a browser makes them.</summary>
    public WebPushDevice NewDevice(string name, bool gone = false)
    {
        var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var auth = RandomNumberGenerator.GetBytes(16);
        lock (_received)
        {
            _devices[name] = (key, auth);
            if (gone) _gone.Add(name);
        }
        return new WebPushDevice(new Uri(Address, $"/push/{name}").ToString(), Base64Url.EncodeToString(PushDecryption.PublicPoint(key)),
            Base64Url.EncodeToString(auth));
    }

    public async Task<PushServiceStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/push/{device}", async (string device, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var endpoint = new Uri($"{request.Scheme}://{request.Host}{request.Path}");
            var problem = VapidCheck.Problem(request.Headers.Authorization, endpoint, VapidPublicKey, DateTimeOffset.UtcNow);
            if (request.Headers.ContentEncoding != "aes128gcm") problem ??= "not aes128gcm";
            (ECDiffieHellman Key, byte[] Auth) keys;
            bool gone;
            lock (_received)
            {
                if (!_devices.TryGetValue(device, out keys)) problem ??= "unknown device";
                gone = _gone.Contains(device);
            }
            if (problem is not null)
            {
                lock (_received) _refused.Add(problem);
                return Results.Text(problem, statusCode: StatusCodes.Status400BadRequest);
            }
            if (gone) return Results.StatusCode(StatusCodes.Status410Gone);
            var plaintext = Encoding.UTF8.GetString(PushDecryption.Decrypt(buffer.ToArray(), keys.Key, keys.Auth));
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            lock (_received) _received.Add(new ReceivedPush(device, plaintext, headers));
            return Results.StatusCode((int)HttpStatusCode.Created);
        });
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        foreach (var (key, _) in _devices.Values) key.Dispose();
    }
}
