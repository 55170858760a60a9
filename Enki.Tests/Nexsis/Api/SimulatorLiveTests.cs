using System.Net.Http.Json;
using System.Text.Json;
using Enki.Tests.Support;

namespace Enki.Tests.Nexsis.Api;

/// <summary>
/// The embedded default for real: Enki on a Kestrel port reads the built-in simulator's feed over
/// HTTP, turns it into incidents, and acknowledges each accepted case back over HTTP.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SimulatorLiveTests : IAsyncLifetime
{
    private const string NationalKey = "partner-national-live-0123456789";
    private const string SimulatorKey = "nexsis-simulateur-live-0123456789";

    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Simulator:Enabled", "true")
        .With("Enki:Simulator:Seed", "11")
        .With("Enki:Simulator:Backfill", "00:20:00")
        .With("Enki:Nexsis:InboundApiKey", SimulatorKey)
        .With("Enki:Api:Keys:0:Name", "COGIC SIG").With("Enki:Api:Keys:0:Key", NationalKey).With("Enki:Api:Keys:0:Scope", "national");

    private Uri _base = null!;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task The_simulator_feeds_live_incidents_and_receives_their_acknowledgements()
    {
        using var http = new HttpClient { BaseAddress = _base };
        http.DefaultRequestHeaders.Add("X-Api-Key", NationalKey);
        using var nexsis = new HttpClient { BaseAddress = _base };
        nexsis.DefaultRequestHeaders.Add("X-Api-Key", SimulatorKey);

        JsonElement incidents = default, simulator = default;
        for (var attempt = 0; attempt < 150; attempt++)
        {
            incidents = await http.GetFromJsonAsync<JsonElement>("/api/v1/incidents?exercise=all&pageSize=5");
            simulator = await nexsis.GetFromJsonAsync<JsonElement>("/simulateur/nexsis/etat");
            if (incidents.GetProperty("total").GetInt32() > 0 && simulator.GetProperty("acknowledgements").GetInt64() > 0) break;
            await Task.Delay(200);
        }

        Assert.True(incidents.GetProperty("total").GetInt32() > 0, "no incident arrived from the simulator");
        Assert.True(simulator.GetProperty("acknowledgements").GetInt64() > 0, "no acknowledgement reached the simulator");
        var first = incidents.GetProperty("items")[0];
        Assert.Matches("^(77|35)$", first.GetProperty("departmentCode").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("natureLabel").GetString()));
    }
}
