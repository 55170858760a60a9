using Enki.Domain.Mobilisation;
using static Enki.Tests.Mobilisation.MobilisationSamples;

namespace Enki.Tests.Mobilisation;

public sealed class OverdueMobilisationJobTests : IAsyncLifetime
{
    private readonly MobilisationHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_passed_deadline_is_flagged_once_and_the_issuer_told_once()
    {
        var late = await _harness.IssueAsync();
        var done = await _harness.IssueAsync(Draft() with { Object = "Autocars", ResourceKind = "autocar", Quantity = 2 });
        var accepted = await _harness.Commands.AcceptAsync(MaireChelles, done.Id, done.Version);
        var started = await _harness.Commands.StartAsync(MaireChelles, done.Id, accepted.Request!.Version);
        await _harness.Commands.CompleteAsync(MaireChelles, done.Id, started.Request!.Version);
        await _harness.DeliverAsync();
        _harness.Mail.Sent.Clear();
        _harness.Changes.Clear();

        Assert.Equal(0, await _harness.OverdueJob.RunAsync(CancellationToken.None));
        _harness.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await _harness.OverdueJob.RunAsync(CancellationToken.None));
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _harness.OverdueJob.RunAsync(CancellationToken.None));
        await _harness.DeliverAsync();
        // Handed again (a crash before the position was saved), the event mails nobody twice.
        await _harness.RedeliverEverythingAsync();

        var mail = Assert.Single(_harness.Mail.Sent);
        Assert.Equal("sdis77-id@test.invalid", mail.Recipient);
        Assert.StartsWith("[Enki] Échéance dépassée", mail.Subject);
        var change = Assert.Single(_harness.Changes);
        Assert.Equal((late.Id, MobilisationChangeKind.Overdue), (change.RequestId, change.Kind));
        var stored = await _harness.Queries.DetailAsync(Sdis77, late.Id);
        Assert.Equal(Now.AddHours(3), stored!.OverdueNotifiedAt);
        Assert.True(stored.IsOverdue(_harness.Clock.GetUtcNow()));
        // Flagging is not a transition: the mayor's screen is still current.
        Assert.Equal(late.Version, stored.Version);
    }
}
