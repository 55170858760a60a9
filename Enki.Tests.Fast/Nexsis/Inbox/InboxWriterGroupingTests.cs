using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Persistence.Sqlite;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Inbox;

/// <summary>
/// The inbox writer stores concurrent pushes in shared commits, on a real SQLite file: a push is
/// answered only once the commit holding it went through, a failed commit answers none of its
/// group, and the per-payload rules (duplicates, resent orphans, acknowledgements owed again) hold
/// inside a group as they do one by one.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class InboxWriterGroupingTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly CommitGate _gate = new();
    private IntakeHarness _intake = null!;

    public async Task InitializeAsync()
    {
        _intake = new IntakeHarness(geography.Geography, services => services.ConfigureDbContext<SqliteEnkiDbContext>(o => o.AddInterceptors(_gate)));
        await _intake.InitializeAsync();
    }

    public async Task DisposeAsync() => await _intake.DisposeAsync();

    private static byte[] Case(int n) => CreateCase($"fr.fire.sis077.cga-077.GRP-{n:000}");

    /// <summary>A first push whose commit is held: what is pushed meanwhile queues behind it, in one group.</summary>
    private async Task<Task<InboxReceipt>> PlugAsync()
    {
        _gate.HoldNext();
        var plug = _intake.PushAsync(Case(999));
        await _gate.Held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return plug;
    }

    private Task<List<InboxMessage>> RowsAsync() => _intake.QueryAsync(db => db.NexsisInbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task Concurrent_pushes_share_one_commit_and_each_is_answered_with_its_own_row_only_once_committed()
    {
        var plug = await PlugAsync();
        var before = _gate.Commits;
        var pushes = Enumerable.Range(1, 40).Select(n => _intake.PushAsync(Case(n))).ToList();

        await Task.Delay(200); // proves a non-event (no answer before the commit): a bounded wait, the pushes are queued already
        Assert.All(pushes, p => Assert.False(p.IsCompleted)); // not answered while their commit has not happened
        _gate.Release();
        var receipts = await Task.WhenAll(pushes);
        await plug;

        Assert.Equal(2, _gate.Commits - before); // the plug's commit, then one for the 40
        Assert.All(receipts, r => Assert.False(r.Duplicate));
        Assert.Equal(40, receipts.Select(r => r.InboxId).Distinct().Count());
        var rows = (await RowsAsync()).ToDictionary(m => m.Id);
        for (var n = 1; n <= 40; n++)
        {
            var row = rows[receipts[n - 1].InboxId];
            Assert.Equal(Case(n), row.Payload);
            Assert.Equal(row.DistributionId, receipts[n - 1].DistributionId);
        }
        Assert.Equal(41, rows.Count);
    }

    [Fact]
    public async Task A_failed_commit_answers_none_of_its_group_and_stores_none_of_it()
    {
        var plug = await PlugAsync();
        _gate.FailNext(); // the commit after the plug's: the group's
        var pushes = Enumerable.Range(1, 25).Select(n => _intake.PushAsync(Case(n))).ToList();
        _gate.Release();
        await plug;

        foreach (var push in pushes)
        {
            await Assert.ThrowsAsync<IOException>(() => push);
        }
        Assert.Equal([Case(999)], (await RowsAsync()).Select(m => m.Payload));

        // The writer goes on: the same payloads sent again are stored, as new.
        var again = await Task.WhenAll(Enumerable.Range(1, 25).Select(n => _intake.PushAsync(Case(n))));
        Assert.All(again, r => Assert.False(r.Duplicate));
        Assert.Equal(26, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task The_same_payload_twice_in_one_group_is_stored_once_and_the_second_is_answered_doublon()
    {
        var plug = await PlugAsync();
        var first = _intake.PushAsync(Case(1));
        var second = _intake.PushAsync(Case(1));
        var other = _intake.PushAsync(Case(2));
        var plugAgain = _intake.PushAsync(Case(999)); // already stored by the held commit, in the group after it
        _gate.Release();
        var stored = await plug;

        var (a, b, c, d) = (await first, await second, await other, await plugAgain);
        Assert.False(a.Duplicate);
        Assert.True(b.Duplicate);
        Assert.Equal(a.InboxId, b.InboxId);
        Assert.Equal(a.DistributionId, b.DistributionId);
        Assert.False(c.Duplicate);
        Assert.True(d.Duplicate);
        Assert.Equal(stored.InboxId, d.InboxId);
        Assert.Equal(3, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task In_one_group_a_resent_expired_orphan_goes_back_to_the_intake_once_and_a_resent_acknowledged_case_is_owed_again()
    {
        const string orphanCase = "fr.fire.sis077.cga-077.GRP-ORPHAN";
        var update = Situation(orphanCase, "IPR", T0.AddMinutes(30), red: 4);
        var acknowledged = Case(1);
        await _intake.PushAsync(update);
        await _intake.PushAsync(acknowledged);
        await _intake.DrainAsync();
        _intake.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await _intake.Processor.ExpireWaitingUpdatesAsync());
        await _intake.PushAsync(CreateCase(orphanCase));
        await _intake.DrainAsync();
        var owedBefore = await _intake.OwedAcknowledgementsAsync();

        var plug = await PlugAsync();
        var orphanResent = _intake.PushAsync(update);
        var orphanResentAgain = _intake.PushAsync(update);
        var acknowledgedResent = _intake.PushAsync(acknowledged);
        _gate.Release();
        await plug;

        Assert.False((await orphanResent).Duplicate); // back to the intake
        Assert.True((await orphanResentAgain).Duplicate); // it is pending already: nothing more
        Assert.True((await acknowledgedResent).Duplicate);
        var orphanRow = (await RowsAsync()).Single(m => m.Payload.SequenceEqual(update));
        Assert.Equal(InboxState.Pending, orphanRow.State);
        // The resent case is owed its acknowledgement again: one more event in the stream, for it alone.
        var owedAgain = (await _intake.OwedAcknowledgementsAsync()).Except(owedBefore).ToList();
        Assert.Equal([(await acknowledgedResent).DistributionId!], owedAgain.Select(o => o.DistributionId));
        Assert.True(Assert.Single(owedAgain).Again);

        await _intake.DrainAsync();
        Assert.Equal(InboxState.Processed, (await RowsAsync()).Single(m => m.Payload.SequenceEqual(update)).State);
    }
}
