using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Nexsis.Api;

/// <summary>Push endpoint and read API through the real app, Hangfire intake included.</summary>
[Collection(WebCollection.Name)]
public sealed class NexsisApiTests : IAsyncLifetime
{
    private const string PushKey = "nexsis-push-key-0123456789";
    private const string ChellesKey = "partner-chelles-0123456789";
    private const string NationalKey = "partner-national-0123456789";
    private const string ChellesCase = "fr.fire.sis077.cga-077.SC-API-CHELLES";
    private const string GuichenCase = "fr.fire.sis035.cga-035.SC-API-GUICHEN";

    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey)
        .With("Enki:Api:Keys:0:Name", "SIG Chelles").With("Enki:Api:Keys:0:Key", ChellesKey).With("Enki:Api:Keys:0:Scope", "commune:77108")
        .With("Enki:Api:Keys:1:Name", "COGIC SIG").With("Enki:Api:Keys:1:Key", NationalKey).With("Enki:Api:Keys:1:Scope", "national");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<HttpResponseMessage> PushAsync(byte[] payload, string? key = PushKey)
    {
        using var client = _app.CreateClient();
        return await client.PushNexsisAsync(payload, key);
    }

    private HttpClient Partner(string key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The intake runs as a Hangfire job: wait until it has applied what was pushed.</summary>
    private async Task<JsonElement> WaitForIncidentsAsync(string key, int count)
    {
        using var client = Partner(key);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/incidents?exercise=all");
            if (json.GetProperty("total").GetInt32() >= count) return json;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{count} incident(s) never appeared");
    }

    [Fact]
    public async Task Push_without_a_valid_key_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PushAsync(TestMessages.CreateCase(ChellesCase), key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PushAsync(TestMessages.CreateCase(ChellesCase), key: "wrong")).StatusCode);
    }

    [Fact]
    public async Task An_unreadable_payload_answers_400_in_french_and_is_kept_in_quarantine()
    {
        var response = await PushAsync("{ pas du json"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        var kept = await db.NexsisInbox.SingleAsync();
        Assert.Equal(InboxState.Quarantined, kept.State);
        Assert.Equal("{ pas du json"u8.ToArray(), kept.Payload);
    }

    [Fact]
    public async Task A_case_placed_outside_france_answers_400_at_the_push()
    {
        var response = await PushAsync(TestMessages.CreateCase(ChellesCase, insee: "99999", lat: 46.5, lon: -3.5)); // Bay of Biscay

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Lieu introuvable", body.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(31, true)] // NexSIS's client waits for the verdict before sending 31 MB
    [InlineData(31, false)] // a client that sends the whole body at once
    [InlineData(5, false)] // over Enki's 4 MB cap, under Kestrel's 30 MB
    public async Task A_body_over_the_cap_with_a_content_length_answers_413_in_json_over_real_http(int megabytes, bool expectContinue)
    {
        var address = _app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nexsis/messages")
        {
            Content = new ByteArrayContent(new byte[megabytes * 1024 * 1024]),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Api-Key", PushKey);
        request.Headers.ExpectContinue = expectContinue;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("trop volumineux", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pushed_cases_become_incidents_the_read_api_shows_within_each_partner_scope()
    {
        var accepted = await PushAsync(TestMessages.CreateCase(ChellesCase));
        await PushAsync(TestMessages.CreateCase(GuichenCase, insee: "35126", lat: 47.9657986, lon: -1.7901215));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"dist-create-{ChellesCase}-{TestMessages.T0.ToUnixTimeSeconds()}",
            (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("distributionId").GetString());

        var national = await WaitForIncidentsAsync(NationalKey, 2);
        Assert.Equal(2, national.GetProperty("total").GetInt32());

        using var chelles = Partner(ChellesKey);
        var scoped = await chelles.GetFromJsonAsync<JsonElement>("/api/v1/incidents");
        var only = Assert.Single(scoped.GetProperty("items").EnumerateArray());
        Assert.Equal(ChellesCase, only.GetProperty("caseId").GetString());
        Assert.Equal("77108", only.GetProperty("communeInsee").GetString());
        Assert.Equal("Chelles", only.GetProperty("communeName").GetString());
        Assert.Equal("PARIS", only.GetProperty("zoneCode").GetString());
        Assert.Equal("Reported", only.GetProperty("status").GetString());

        // Guessing the id of Guichen's incident from Chelles' key: not found, no content.
        var guichenId = national.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("caseId").GetString() == GuichenCase).GetProperty("id").GetString();
        var guessed = await chelles.GetAsync($"/api/v1/incidents/{guichenId}");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.DoesNotContain("Guichen", await guessed.Content.ReadAsStringAsync());

        var geojson = await chelles.GetFromJsonAsync<JsonElement>("/api/v1/incidents.geojson");
        Assert.Equal("FeatureCollection", geojson.GetProperty("type").GetString());
        var point = Assert.Single(geojson.GetProperty("features").EnumerateArray()).GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(2.5914, point[0].GetDouble(), 4);

        // Callers' personal data never leaves through the API.
        var raw = await chelles.GetStringAsync("/api/v1/incidents");
        Assert.DoesNotContain("Témoin", raw);
        Assert.DoesNotContain("+33600000001", raw);
    }

    [Fact]
    public async Task Filters_are_checked_and_answered_in_french()
    {
        using var client = Partner(NationalKey);

        var badStatus = await client.GetAsync("/api/v1/incidents?status=flambe");
        var badFamily = await client.GetAsync("/api/v1/incidents?natureFamily=C42");

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("Statut inconnu", await badStatus.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badFamily.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/v1/incidents")).StatusCode);
    }
}
