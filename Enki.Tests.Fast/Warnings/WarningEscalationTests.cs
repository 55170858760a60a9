using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings;

public sealed class WarningEscalationTests : IAsyncLifetime
{
    private readonly WarningsHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Nobody_acknowledged_within_ten_minutes_so_the_prefecture_is_warned_then_acknowledges()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        var id = (await _harness.WarningsAsync()).Single().Id;
        Assert.Null(await _harness.Queries.DetailAsync(MaireGuichen, id));
        Assert.False((await _harness.Commands.AcknowledgeAsync(Prefecture77, id)).Done); // reads it, not addressed yet

        _harness.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await _harness.EscalationJob.EscalateAsync(id, CancellationToken.None));
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _harness.EscalationJob.RunAsync(CancellationToken.None));

        var warning = (await _harness.WarningsAsync()).Single();
        Assert.Equal(1, warning.EscalationLevel);
        Assert.Null(warning.NextEscalationAt); // the list had one step
        Assert.Equal("Préfecture 77 — permanence", warning.Recipients[1].Name);
        Assert.Equal(["pref77-id", "pref77-id"], warning.Deliveries.Where(d => d.Level == 1).Select(d => d.UserId));
        Assert.All(warning.Deliveries.Where(d => d.Level == 1), d => Assert.Equal(DeliveryState.Sent, d.State));

        Assert.True((await _harness.Commands.AcknowledgeAsync(Prefecture77, id)).Done);
        var again = await _harness.Commands.AcknowledgeAsync(MaireChelles, id);
        Assert.StartsWith("Déjà acquitté par Préfecture 77", again.Refusal);
    }

    [Fact]
    public async Task Acknowledged_by_the_deputy_in_one_tap_it_never_escalates()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        var id = (await _harness.WarningsAsync()).Single().Id;
        Assert.True((await _harness.Commands.AcknowledgeAsync(AdjointChelles, id)).Done);
        _harness.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await _harness.EscalationJob.RunAsync(CancellationToken.None));
        var warning = (await _harness.WarningsAsync()).Single();
        Assert.Equal("Adjointe de Chelles", warning.AcknowledgedByName);
        Assert.DoesNotContain(warning.Deliveries, d => d.UserId == "pref77-id");
        Assert.Equal(0, await _harness.Queries.UnreadCountAsync(MaireChelles)); // acknowledged: nothing left to do
    }
}
