using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Vigilance;

/// <summary>
/// Météo-France's and Vigicrues' services as a loopback HTTP server: serves the documents it is given, and
/// answers 503 to the first <see cref="FailFirst"/> requests for Météo-France's map, as a busy service does.
/// </summary>
internal sealed class VigilanceSourceStub : IAsyncDisposable
{
    private WebApplication? _app;
    private int _meteoFranceRequests;

    public string MeteoFranceDocument { get; set; } = VigilanceSamples.MeteoFrance;

    public string VigicruesDocument { get; set; } = VigilanceSamples.Vigicrues;

    public int FailFirst { get; set; }

    public int MeteoFranceRequests => Volatile.Read(ref _meteoFranceRequests);

    public string? LastApiKey { get; private set; }

    public Uri MeteoFranceUrl { get; private set; } = null!;

    public Uri VigicruesUrl { get; private set; } = null!;

    public async Task<VigilanceSourceStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/public/DPVigilance/v1/cartevigilance/encours", (HttpRequest request) =>
        {
            LastApiKey = request.Headers["apikey"].ToString();
            return Interlocked.Increment(ref _meteoFranceRequests) <= FailFirst
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Text(MeteoFranceDocument, "application/json");
        });
        _app.MapGet("/services/1/InfoVigiCru.geojson", () => Results.Text(VigicruesDocument, "application/geo+json"));
        await _app.StartAsync();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        MeteoFranceUrl = new Uri(address, "/public/DPVigilance/v1/cartevigilance/encours");
        VigicruesUrl = new Uri(address, "/services/1/InfoVigiCru.geojson");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
