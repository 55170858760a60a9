using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;

namespace Enki.Tests.Nexsis.Api;

/// <summary>
/// The situation at a past instant over HTTP: NexSIS's cases of 28 November reach Enki today, so on
/// 28 November Enki knew nothing of them (as known) although they were under way (as it was).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PastSituationApiTests : IAsyncLifetime
{
    private const string PushKey = "nexsis-push-key-passe-0123456789";
    private const string ChellesKey = "partner-chelles-passe-0123456789";
    private const string NationalKey = "partner-national-passe-0123456789";
    private const string ChellesCase = "fr.fire.sis077.cga-077.SC-PASSE-CHELLES";
    private const string GuichenCase = "fr.fire.sis035.cga-035.SC-PASSE-GUICHEN";

    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey)
        .With("Enki:Api:Keys:0:Name", "SIG Chelles").With("Enki:Api:Keys:0:Key", ChellesKey).With("Enki:Api:Keys:0:Scope", "commune:77108")
        .With("Enki:Api:Keys:1:Name", "COGIC SIG").With("Enki:Api:Keys:1:Key", NationalKey).With("Enki:Api:Keys:1:Scope", "national");

    public async Task InitializeAsync()
    {
        using var nexsis = _app.CreateClient();
        (await nexsis.PushNexsisAsync(TestMessages.CreateCase(ChellesCase), PushKey)).EnsureSuccessStatusCode();
        (await nexsis.PushNexsisAsync(TestMessages.CreateCase(GuichenCase, insee: "35126", lat: 47.9675, lon: -1.7947), PushKey)).EnsureSuccessStatusCode();
        (await nexsis.PushNexsisAsync(TestMessages.Situation(ChellesCase, "IPR", TestMessages.T0.AddMinutes(10), red: 2), PushKey)).EnsureSuccessStatusCode();
        using var national = Partner(NationalKey);
        // The intake is a Hangfire job: wait until both cases and the triage are applied.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var now = await OpenAtAsync(national, DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"), "as-known");
            if (now.GetArrayLength() == 2 && now.EnumerateArray().Any(i => i.GetProperty("victims").GetProperty("red").GetInt32() == 2)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The pushed cases never reached the stream");
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private HttpClient Partner(string key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<JsonElement> OpenAtAsync(HttpClient client, string instant, string clock)
    {
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/open-at?instant={Uri.EscapeDataString(instant)}&clock={clock}");
        return json.GetProperty("incidents");
    }

    [Fact]
    public async Task On_the_28th_at_09_20_nothing_was_known_yet_though_two_cases_were_under_way()
    {
        using var national = Partner(NationalKey);

        // Local time of Paris (UTC+1 in November): 09:20 is 08:20Z, 20 minutes after the cases' creation.
        Assert.Equal(0, (await OpenAtAsync(national, "2026-11-28T09:20", "as-known")).GetArrayLength());
        var was = await OpenAtAsync(national, "2026-11-28T09:20", "as-it-was");

        Assert.Equal([GuichenCase, ChellesCase], was.EnumerateArray().Select(i => i.GetProperty("caseId").GetString()).Order());
        var chelles = was.EnumerateArray().Single(i => i.GetProperty("caseId").GetString() == ChellesCase);
        Assert.Equal(2, chelles.GetProperty("victims").GetProperty("red").GetInt32());
        // Before the triage of 09:10, as it was: no victim yet.
        var before = await OpenAtAsync(national, "2026-11-28T09:05", "as-it-was");
        Assert.Equal(0, before.EnumerateArray().Single(i => i.GetProperty("caseId").GetString() == ChellesCase).GetProperty("victims").GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task Chelles_sees_only_its_own_past()
    {
        using var chelles = Partner(ChellesKey);

        var was = await OpenAtAsync(chelles, "2026-11-28T09:20", "as-it-was");

        Assert.Equal([ChellesCase], was.EnumerateArray().Select(i => i.GetProperty("caseId").GetString()));
    }

    [Fact]
    public async Task An_instant_or_clock_that_cannot_be_read_is_refused_in_french()
    {
        using var national = Partner(NationalKey);

        var badInstant = await national.GetAsync("/api/v1/incidents/open-at?instant=hier");
        var badClock = await national.GetAsync("/api/v1/incidents/open-at?instant=2026-11-28T09:20&clock=demain");

        Assert.Equal(HttpStatusCode.BadRequest, badInstant.StatusCode);
        Assert.Contains("heure locale du territoire", await badInstant.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badClock.StatusCode);
        Assert.Contains("as-it-was", await badClock.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_at_09_20_counts_the_late_triage_only_as_it_was_and_each_caller_only_its_own()
    {
        using var national = Partner(NationalKey);
        using var chelles = Partner(ChellesKey);

        var known = await national.GetFromJsonAsync<JsonElement>("/api/v1/dashboard/at?instant=2026-11-28T09:20&clock=as-known");
        var was = await national.GetFromJsonAsync<JsonElement>("/api/v1/dashboard/at?instant=2026-11-28T09:20&clock=as-it-was");
        var chellesWas = await chelles.GetFromJsonAsync<JsonElement>("/api/v1/dashboard/at?instant=2026-11-28T09:20&clock=as-it-was");
        var refused = await national.GetAsync("/api/v1/dashboard/at?instant=hier");

        Assert.Equal((0, 0), (known.GetProperty("inProgress").GetInt32(), known.GetProperty("victimsRed").GetInt32()));
        Assert.Equal((2, 2), (was.GetProperty("inProgress").GetInt32(), was.GetProperty("victimsRed").GetInt32()));
        Assert.Equal(["35", "77"], was.GetProperty("breakdown").EnumerateArray().Select(t => t.GetProperty("code").GetString()).Order());
        Assert.Equal((1, 2), (chellesWas.GetProperty("inProgress").GetInt32(), chellesWas.GetProperty("victimsRed").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
