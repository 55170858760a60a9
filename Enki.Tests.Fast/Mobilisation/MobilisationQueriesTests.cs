using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using static Enki.Tests.Mobilisation.MobilisationSamples;

namespace Enki.Tests.Mobilisation;

public sealed class MobilisationQueriesTests : IAsyncLifetime
{
    private readonly MobilisationHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Guichen_never_sees_a_Chelles_request_by_list_or_by_id()
    {
        var request = await _harness.IssueAsync();

        Assert.Empty(await _harness.Queries.InboxAsync(MaireGuichen));
        Assert.Empty(await _harness.Queries.IssuedAsync(MaireGuichen));
        Assert.Null(await _harness.Queries.DetailAsync(MaireGuichen, request.Id));
        Assert.Equal(0, await _harness.Queries.CountToHandleAsync(MaireGuichen));
        Assert.Equal("Demande introuvable.", (await _harness.Commands.OpenAsync(MaireGuichen, request.Id)).Error);
    }

    [Fact]
    public async Task Each_side_sees_its_own_list()
    {
        var request = await _harness.IssueAsync();

        Assert.Equal([request.Id], (await _harness.Queries.InboxAsync(MaireChelles)).Select(r => r.Id));
        Assert.Equal([request.Id], (await _harness.Queries.IssuedAsync(Sdis77)).Select(r => r.Id));
        Assert.Equal([request.Id], (await _harness.Queries.IssuedAsync(OtherSdis77Operator)).Select(r => r.Id));
        Assert.Empty(await _harness.Queries.InboxAsync(Sdis77));
        // Same department, other service: the préfecture supervises the SDIS's requests, it did not issue them.
        Assert.Empty(await _harness.Queries.IssuedAsync(Prefecture77));
        Assert.Equal([request.Id], (await _harness.Queries.SupervisedAsync(Prefecture77)).Select(r => r.Id));
        Assert.NotNull(await _harness.Queries.DetailAsync(Prefecture77, request.Id));
        // Another department's préfecture, and the issuer itself, supervise nothing here.
        var prefecture35 = new Viewer("pref35-id", "Préfecture 35", Profile.Prefecture, Jurisdiction.Department("35"));
        Assert.Empty(await _harness.Queries.SupervisedAsync(prefecture35));
        Assert.Null(await _harness.Queries.DetailAsync(prefecture35, request.Id));
        Assert.Empty(await _harness.Queries.SupervisedAsync(Sdis77));
        Assert.Equal(1, await _harness.Queries.CountToHandleAsync(MaireChelles));
    }

    [Fact]
    public async Task Closed_requests_leave_the_count_to_handle()
    {
        var request = await _harness.IssueAsync();
        await _harness.Commands.RefuseAsync(MaireChelles, request.Id, request.Version, "Pas de gymnase");
        Assert.Equal(0, await _harness.Queries.CountToHandleAsync(MaireChelles));
        Assert.Single(await _harness.Queries.InboxAsync(MaireChelles));
    }
}
