using System.Net;
using System.Text.RegularExpressions;
using Enki.Tests.Support;

namespace Enki.Tests.Mobilisation;

/// <summary>The pages on the real app: a request exists for its two sides, and read-only for the supervisors of its territory.</summary>
[Collection(WebCollection.Name)]
public sealed class MobilisationPagesHttpTests(MobilisationPagesHttpTests.Host host) : IClassFixture<MobilisationPagesHttpTests.Host>
{
    /// <summary>One host for the class: each test issues its own request and counts from what was there before.</summary>
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory());

    private readonly EnkiWebApplicationFactory _app = host.App;

    /// <summary>The supervisors' count of the requests on their territory (none shown, none counted).</summary>
    private static int OnTheTerritory(string html) =>
        Regex.Match(html, @"Sur le territoire \((\d+)\)") is { Success: true } match ? int.Parse(match.Groups[1].Value) : 0;

    [Theory]
    [InlineData("maire-chelles", HttpStatusCode.OK, false)]
    [InlineData("sdis77", HttpStatusCode.OK, false)]
    [InlineData("maire-guichen", HttpStatusCode.NotFound, false)]
    [InlineData("prefecture77", HttpStatusCode.OK, true)]
    [InlineData("coz-paris", HttpStatusCode.OK, true)]
    [InlineData("cogic", HttpStatusCode.OK, true)]
    [InlineData("admin", HttpStatusCode.NotFound, false)]
    public async Task The_detail_exists_for_its_two_sides_and_read_only_for_supervisors(string user, HttpStatusCode expected, bool readOnly)
    {
        using var client = await _app.SignedInAsync(user);
        var request = await _app.IssueAsSdis77Async();

        var response = await client.GetAsync($"/mobilisations/{request.Id}");

        Assert.Equal(expected, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected == HttpStatusCode.OK, html.Contains("Hébergement des sinistrés"));
        Assert.Equal(readOnly, html.Contains("data-testid=\"supervision-notice\""));
        if (readOnly)
        {
            Assert.DoesNotContain("Annuler la demande", html);
            Assert.DoesNotContain(">Accepter<", html);
        }
    }

    [Fact]
    public async Task Supervisors_list_the_requests_of_their_territory_apart_from_their_own()
    {
        using var prefecture = await _app.SignedInAsync("prefecture77");
        var before = OnTheTerritory(WebUtility.HtmlDecode(await prefecture.GetStringAsync("/mobilisations")));
        await _app.IssueAsSdis77Async();

        var html = WebUtility.HtmlDecode(await prefecture.GetStringAsync("/mobilisations"));

        Assert.Equal(before + 1, OnTheTerritory(html));
        Assert.Contains("Hébergement des sinistrés", html);
    }

    [Fact]
    public async Task Guichen_inbox_never_lists_a_Chelles_request()
    {
        using var guichen = await _app.SignedInAsync("maire-guichen");
        using var chelles = await _app.SignedInAsync("maire-chelles");
        await _app.IssueAsSdis77Async();

        Assert.DoesNotContain("Hébergement des sinistrés", WebUtility.HtmlDecode(await guichen.GetStringAsync("/mobilisations")));
        Assert.Contains("Hébergement des sinistrés", WebUtility.HtmlDecode(await chelles.GetStringAsync("/mobilisations")));
    }
}
