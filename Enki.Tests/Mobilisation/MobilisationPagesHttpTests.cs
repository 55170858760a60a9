using System.Net;
using Enki.Tests.Support;

namespace Enki.Tests.Mobilisation;

/// <summary>The pages on the real app: a request exists for its two sides only.</summary>
[Collection(WebCollection.Name)]
public sealed class MobilisationPagesHttpTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("maire-chelles", HttpStatusCode.OK)]
    [InlineData("sdis77", HttpStatusCode.OK)]
    [InlineData("maire-guichen", HttpStatusCode.NotFound)]
    [InlineData("prefecture77", HttpStatusCode.NotFound)]
    public async Task The_detail_exists_for_its_two_sides_only(string user, HttpStatusCode expected)
    {
        using var client = await _app.SignedInAsync(user);
        var request = await _app.IssueAsSdis77Async();

        var response = await client.GetAsync($"/mobilisations/{request.Id}");

        Assert.Equal(expected, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected == HttpStatusCode.OK, html.Contains("Hébergement des sinistrés"));
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
