using Enki.Domain.Mobilisation;
using Microsoft.EntityFrameworkCore;
using static Enki.Tests.Mobilisation.MobilisationSamples;
using Enki.Tests.Support;

namespace Enki.Tests.Mobilisation;

/// <summary>The version column is a real concurrency token on the store, not only a check in the commands.</summary>
public class MobilisationConcurrencyTests : IAsyncLifetime
{
    private readonly MobilisationHarness _harness;

    public MobilisationConcurrencyTests() : this(TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected MobilisationConcurrencyTests(TestEngine engine) => _harness = new(engine: engine);

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [SkippableFact]
    public async Task Two_contexts_act_at_once_the_first_wins_the_second_is_refused()
    {
        var request = await _harness.IssueAsync();
        await using var mayor = await _harness.DbFactory.CreateDbContextAsync();
        await using var issuer = await _harness.DbFactory.CreateDbContextAsync();
        var seenByMayor = await mayor.MobilisationRequests.SingleAsync(r => r.Id == request.Id);
        var seenByIssuer = await issuer.MobilisationRequests.SingleAsync(r => r.Id == request.Id);

        seenByMayor.Apply(MobilisationAction.Receive, MaireChelles, Now);
        seenByIssuer.Apply(MobilisationAction.Cancel, Sdis77, Now);
        await mayor.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => issuer.SaveChangesAsync());
        var stored = await _harness.Queries.DetailAsync(Sdis77, request.Id);
        Assert.Equal(MobilisationStatus.Received, stored!.Status);
        Assert.Equal(seenByMayor.Version, stored.Version);
    }

    [SkippableFact]
    public async Task Two_people_pressing_at_once_one_wins_the_other_gets_the_french_message()
    {
        var request = await _harness.IssueAsync();
        // Both screens show the same version; both press at the same time.
        var results = await Task.WhenAll(
            _harness.Commands.AcceptAsync(MaireChelles, request.Id, request.Version),
            _harness.Commands.CancelAsync(Sdis77, request.Id, request.Version));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.True(loser.IsConflict);
        Assert.Matches("^Cette demande vient d'être modifiée par (Maire de Chelles|CODIS 77) : rechargez\\.$", loser.Error);
        Assert.Equal(winner.Request!.Status, (await _harness.Queries.DetailAsync(Sdis77, request.Id))!.Status);
    }
}
