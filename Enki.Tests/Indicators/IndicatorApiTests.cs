using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;

namespace Enki.Tests.Indicators;

/// <summary>
/// The indicators API on the real app, fed through the NexSIS push. Each test brings its own cases on a
/// day of its own (June 2026), so the figures of that day are its own whatever the others pushed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IndicatorApiTests(IndicatorApiTests.Host host) : IClassFixture<IndicatorApiTests.Host>
{
    private const string PushKey = "nexsis-push-key-indicators-0123";
    private const string ChellesKey = "partner-chelles-indicators-0123";
    private const string NationalKey = "partner-national-indicators-0123";

    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey)
        .With("Enki:Api:Keys:0:Name", "SIG Chelles").With("Enki:Api:Keys:0:Key", ChellesKey).With("Enki:Api:Keys:0:Scope", "commune:77108")
        .With("Enki:Api:Keys:1:Name", "COGIC SIG").With("Enki:Api:Keys:1:Key", NationalKey).With("Enki:Api:Keys:1:Scope", "national"));

    private readonly EnkiWebApplicationFactory _app = host.App;

    private HttpClient Partner(string key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static string Period(DateTimeOffset day) =>
        $"from={Uri.EscapeDataString(day.ToString("O"))}&to={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}";

    /// <summary>Two cases in Chelles and one in Guichen that day (Paris 10:00, 10:30, 11:00), applied once this returns.</summary>
    private async Task<DateTimeOffset> DayOfTrafficAsync(int june)
    {
        var day = new DateTimeOffset(2026, 6, june, 0, 0, 0, TimeSpan.FromHours(2));
        using var push = _app.CreateClient();
        foreach (var (id, insee, lat, lon, at) in new[]
                 {
                     ($"fr.fire.sis077.cga-077.IND-{june}-1", "77108", 48.8786, 2.5914, day.AddHours(10)),
                     ($"fr.fire.sis077.cga-077.IND-{june}-2", "77108", 48.8750, 2.6000, day.AddHours(10.5)),
                     ($"fr.fire.sis035.cga-035.IND-{june}-3", "35126", 47.9657986, -1.7901215, day.AddHours(11)),
                 })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await push.PushNexsisAsync(TestMessages.CreateCase(id, insee, lat, lon, at), PushKey)).StatusCode);
        }
        // The intake is a background job: wait, with a deadline, until the three are counted.
        using var national = Partner(NationalKey);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync(national, $"territory=national&representation=number&{Period(day)}") < 3)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The three cases were never counted.");
            await Task.Delay(50);
        }
        return day;
    }

    private static async Task<double> CountAsync(HttpClient client, string query)
    {
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/interventions-ouvertes?{query}");
        return json.GetProperty("rows")[0].GetProperty("values").GetProperty("count").GetDouble();
    }

    [Fact]
    public async Task The_catalogue_lists_every_indicator_with_its_french_definition()
    {
        using var client = Partner(ChellesKey);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators");

        var indicators = json.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(12, indicators.Count);
        var grid = indicators.Single(i => i.GetProperty("code").GetString() == "densite-carreaux-1km");
        Assert.Equal(["grid", "number"], grid.GetProperty("representations").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("CRS2154RES1000mN{nord}E{est}", grid.GetProperty("definition").GetString());
        var opened = indicators.Single(i => i.GetProperty("code").GetString() == "interventions-ouvertes");
        Assert.Equal("Interventions ouvertes", opened.GetProperty("name").GetString());
        Assert.Contains("exercice", opened.GetProperty("definition").GetString());
        Assert.Equal(["number", "series", "category-series", "communes", "departments", "table"], opened.GetProperty("representations").EnumerateArray().Select(r => r.GetString()));
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/indicators")).StatusCode);
    }

    [Fact]
    public async Task A_partner_gets_the_figures_of_its_scope_and_nothing_outside_it()
    {
        var day = await DayOfTrafficAsync(10);
        using var chelles = Partner(ChellesKey);
        using var national = Partner(NationalKey);

        Assert.Equal(3, await CountAsync(national, $"territory=national&representation=number&{Period(day)}"));
        Assert.Equal(2, await CountAsync(chelles, $"representation=number&{Period(day)}")); // its own commune by default
        using var outside = await chelles.GetAsync($"/api/v1/indicators/interventions-ouvertes?territory=commune:35126&{Period(day)}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await chelles.GetAsync($"/api/v1/indicators/interventions-ouvertes?territory=departement:77&{Period(day)}")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_mayor_of_guichen_never_reads_chelles()
    {
        var day = await DayOfTrafficAsync(11);
        using var mayor = await _app.SignedInAsync("maire-guichen");

        Assert.Equal(1, await CountAsync(mayor, $"representation=number&{Period(day)}"));
        Assert.Equal(HttpStatusCode.NotFound, (await mayor.GetAsync($"/api/v1/indicators/interventions-ouvertes?territory=commune:77108&{Period(day)}")).StatusCode);
    }

    [Fact]
    public async Task A_series_by_category_gives_each_hour_a_row_per_family()
    {
        var day = await DayOfTrafficAsync(14);
        using var national = Partner(NationalKey);

        var json = await national.GetFromJsonAsync<JsonElement>(
            $"/api/v1/indicators/interventions-ouvertes?territory=departement:77&representation=category-series&step=hour&{Period(day)}");

        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(24, rows.Count); // one family met (fires, C04) on each hour of the day
        var ten = Assert.Single(rows, r => r.GetProperty("at").GetDateTimeOffset() == day.AddHours(10));
        Assert.Equal(("C04", 2d), (ten.GetProperty("category").GetString(), ten.GetProperty("values").GetProperty("count").GetDouble()));
        Assert.Equal(2d, rows.Sum(r => r.GetProperty("values").GetProperty("count").GetDouble()));
    }

    [Fact]
    public async Task Csv_for_french_excel_by_parameter_or_accept_header()
    {
        var day = await DayOfTrafficAsync(12);
        using var national = Partner(NationalKey);

        using var byParameter = await national.GetAsync($"/api/v1/indicators/interventions-ouvertes?territory=departement:77&representation=communes&format=csv&{Period(day)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/indicators/interventions-ouvertes?territory=departement:77&representation=communes&{Period(day)}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var byAccept = await national.SendAsync(request);

        Assert.Equal("text/csv", byParameter.Content.Headers.ContentType?.MediaType);
        var bytes = await byParameter.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["at;area;areaName;category;categoryLabel;count", ";77108;Chelles;;;2"], lines);
        Assert.Equal(bytes, await byAccept.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GeoJson_gives_each_commune_its_outline_and_its_figures()
    {
        var day = await DayOfTrafficAsync(13);
        using var national = Partner(NationalKey);

        using var response = await national.GetAsync($"/api/v1/indicators/taux-interventions?territory=national&representation=communes&format=geojson&{Period(day)}");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var chelles = json.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "77108");
        Assert.Equal(2, chelles.GetProperty("properties").GetProperty("count").GetDouble());
        Assert.Equal(2 * 10_000d / 54_620, chelles.GetProperty("properties").GetProperty("rate").GetDouble(), 6);
        Assert.Contains(chelles.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task The_grid_as_GeoJSON_gives_the_squares_of_the_partner_scope_only()
    {
        // Chelles 48.8786 N 2.5914 E is Lambert-93 E 670 032 N 6 864 364; 48.8750 N 2.6000 E is E 670 661 N 6 863 961;
        // Guichen 47.9658 N 1.7901 W is E 342 743 N 6 773 663 (see GridDensityQueriesTests).
        var day = await DayOfTrafficAsync(14);
        using var chelles = Partner(ChellesKey);
        using var national = Partner(NationalKey);

        var mine = await chelles.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/densite-carreaux-1km?representation=grid&format=geojson&{Period(day)}");
        var all = await national.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/densite-carreaux-1km?territory=national&format=geojson&{Period(day)}");
        using var outside = await chelles.GetAsync($"/api/v1/indicators/densite-carreaux-1km?territory=departement:35&format=geojson&{Period(day)}");

        static string[] Codes(JsonElement json) => [.. json.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()!)];
        Assert.Equal(["CRS2154RES1000mN6863000E670000", "CRS2154RES1000mN6864000E670000"], Codes(mine));
        Assert.Equal(["CRS2154RES1000mN6773000E342000", "CRS2154RES1000mN6863000E670000", "CRS2154RES1000mN6864000E670000"], Codes(all));
        Assert.All(mine.GetProperty("features").EnumerateArray(), f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Theory]
    [InlineData("inconnu", "", HttpStatusCode.NotFound, null)]
    [InlineData("interventions-ouvertes", "step=minute", HttpStatusCode.BadRequest, "step")]
    [InlineData("interventions-ouvertes", "territory=partout", HttpStatusCode.BadRequest, "territory")]
    [InlineData("ecart-a-la-normale", "representation=communes", HttpStatusCode.BadRequest, "representation")]
    [InlineData("interventions-ouvertes", "representation=number&format=geojson", HttpStatusCode.BadRequest, "format")]
    [InlineData("interventions-ouvertes", "from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z", HttpStatusCode.BadRequest, "from")]
    [InlineData("interventions-ouvertes", "step=hour&from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", HttpStatusCode.BadRequest, "to")]
    public async Task Refusals_are_french_problem_details_naming_the_parameter(string code, string query, HttpStatusCode expected, string? parameter)
    {
        using var national = Partner(NationalKey);

        using var response = await national.GetAsync($"/api/v1/indicators/{code}?{query}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (parameter is not null)
        {
            Assert.Equal("Paramètre invalide", problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        }
    }
}
