using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enki.Domain.Geography;
using Enki.Infrastructure.Nexsis;
using Enki.Simulator;
using Enki.Tests.Geography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enki.Tests.Nexsis.Simulator;

[Collection(GeographyCollection.Name)]
public sealed class SimulatorEndpointsTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;

    private async Task<(WebApplication App, HttpClient Client, ManualTimeProvider Time)> StartAsync(bool enabled = true)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Enki:Simulator:Enabled"] = enabled ? "true" : "false",
            ["Enki:Simulator:Speed"] = "100",
            ["Enki:Simulator:Seed"] = "9",
        });
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 14, 7, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(_geography);
        builder.Services.AddNexsisSimulator(builder.Configuration);
        var app = builder.Build();
        app.MapNexsisSimulator();
        await app.StartAsync();
        var client = app.GetTestClient();
        if (enabled)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", app.Services.GetRequiredService<IOptions<NexsisOptions>>().Value.InboundApiKey);
        }
        return (app, client, time);
    }

    [Fact]
    public async Task Without_the_nexsis_key_every_simulator_endpoint_answers_401()
    {
        var (app, client, _) = await StartAsync();
        await using var _ = app;
        var key = app.Services.GetRequiredService<IOptions<NexsisOptions>>().Value.InboundApiKey;
        Assert.False(string.IsNullOrEmpty(key)); // generated for the run when none is configured
        using var anonymous = app.GetTestClient();
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "pas-la-bonne-cle");

        using var feed = await app.GetTestClient().GetAsync(SimulatorEndpoints.FeedPath);
        using var wrongKey = await anonymous.GetAsync(SimulatorEndpoints.FeedPath);
        using var status = await app.GetTestClient().GetAsync(SimulatorEndpoints.StatusPath);
        using var acknowledgement = await app.GetTestClient().PostAsync(SimulatorEndpoints.AcknowledgementsPath,
            new StringContent("{\"reference\":{\"distributionID\":\"x\"}}", Encoding.UTF8, "application/json"));
        using var withKey = await client.GetAsync(SimulatorEndpoints.FeedPath);

        Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, acknowledgement.StatusCode);
        Assert.DoesNotContain("callerContact", await feed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task The_feed_serves_pages_a_client_can_resume_without_loss_or_duplicate()
    {
        var (app, client, time) = await StartAsync();
        await using var _ = app;
        var simulator = app.Services.GetRequiredService<NexsisSimulator>();
        simulator.Pump();
        time.Advance(TimeSpan.FromMinutes(3)); // five simulated hours at x100
        simulator.Pump();
        var produced = simulator.Feed.Produced;
        Assert.True(produced > 2000, $"{produced} messages");

        var ids = new List<string>();
        string? cursor = null;
        while (true)
        {
            using var response = await client.GetAsync($"{SimulatorEndpoints.FeedPath}?after={Uri.EscapeDataString(cursor ?? "")}&limit=1000");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var messages = page.RootElement.GetProperty("messages").EnumerateArray().ToList();
            Assert.True(messages.Count <= 1000);
            foreach (var message in messages)
            {
                Assert.Contains(message.GetProperty("contentType").GetString(), new[] { "application/json", "application/xml" });
                Assert.False(string.IsNullOrEmpty(message.GetProperty("payload").GetString()));
                ids.Add(message.GetProperty("id").GetString()!);
            }

            var next = page.RootElement.GetProperty("cursor").GetString();
            if (messages.Count == 0)
            {
                Assert.Equal(cursor, next);
                break;
            }

            cursor = next;
        }

        Assert.True(ids.Count >= produced);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(simulator.Feed.Snapshot().Select(e => e.Id), ids);
    }

    [Fact]
    public async Task Bad_and_stale_cursors_and_limits_get_a_French_error()
    {
        var (app, client, _) = await StartAsync();
        await using var __ = app;

        using var gone = await client.GetAsync($"{SimulatorEndpoints.FeedPath}?after=ancienne.12");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("Curseur périmé", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var badLimit = await client.GetAsync($"{SimulatorEndpoints.FeedPath}?limit=beaucoup");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);

        using var badCursor = await client.GetAsync($"{SimulatorEndpoints.FeedPath}?after=pas-un-curseur");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    [Fact]
    public async Task Acknowledgements_are_counted_and_shown_in_the_status()
    {
        var (app, client, _) = await StartAsync();
        await using var __ = app;
        var reference = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Nexsis", "official", "hub-json", "RC-REF.json"));

        using var first = await client.PostAsync(SimulatorEndpoints.AcknowledgementsPath, new StringContent(reference, Encoding.UTF8, "application/json"));
        using var second = await client.PostAsync(SimulatorEndpoints.AcknowledgementsPath,
            new StringContent("""{"reference":{"distributionID":"fr.fire.SDIS77.cga_abc"}}""", Encoding.UTF8, "application/json"));
        using var refused = await client.PostAsync(SimulatorEndpoints.AcknowledgementsPath, new StringContent("{\"reference\":", Encoding.UTF8, "application/json"));
        using var notReference = await client.PostAsync(SimulatorEndpoints.AcknowledgementsPath,
            new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Nexsis", "official", "hub-json", "RC-RI_Incendie_RaymondeLECCIA.03.json")), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notReference.StatusCode);
        Assert.Equal(["fr.health.samuB_2607723d-507d-4cbf-bf74-12345f7064cd", "fr.fire.SDIS77.cga_abc"],
            app.Services.GetRequiredService<SimulatorAcknowledgements>().Recent);

        var status = await client.GetFromJsonAsync<JsonElement>(SimulatorEndpoints.StatusPath);
        Assert.Equal(2, status.GetProperty("acknowledgements").GetInt64());
        Assert.Equal(100, status.GetProperty("speed").GetDouble());
        Assert.Equal(3, status.GetProperty("scenarios").GetArrayLength());
        Assert.True(status.TryGetProperty("running", out _));
        Assert.True(status.TryGetProperty("produced", out _));
        Assert.True(status.TryGetProperty("malformed", out _));
        Assert.True(status.TryGetProperty("simulatedClock", out _));
    }

    [Fact]
    public async Task The_hosted_service_runs_the_simulator_and_the_status_shows_it()
    {
        var (app, client, time) = await StartAsync();
        await using var __ = app;
        time.Advance(TimeSpan.FromMinutes(1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement status;
        do
        {
            await Task.Delay(100);
            status = await client.GetFromJsonAsync<JsonElement>(SimulatorEndpoints.StatusPath);
        }
        while (status.GetProperty("simulatedClock").GetDateTimeOffset() < new DateTimeOffset(2026, 3, 14, 8, 40, 0, TimeSpan.Zero) && DateTime.UtcNow < deadline);

        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.True(status.GetProperty("produced").GetInt64() > 0);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 8, 40, 0, TimeSpan.Zero), status.GetProperty("simulatedClock").GetDateTimeOffset());
    }

    [Fact]
    public async Task Nothing_is_mapped_when_the_simulator_is_disabled()
    {
        var (app, client, _) = await StartAsync(enabled: false);
        await using var __ = app;

        using var feed = await client.GetAsync(SimulatorEndpoints.FeedPath);
        using var status = await client.GetAsync(SimulatorEndpoints.StatusPath);

        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }
}
