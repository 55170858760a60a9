using Enki.Domain.Mobilisation;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enki.Tests.Mobilisation.MobilisationSamples;

namespace Enki.Tests.Mobilisation;

/// <summary>
/// A request's step, its audit row, its main-courante entry and its events are one unit of work: a
/// failure injected on any of those writes leaves none of them, and no mail goes out (issue 13).
/// </summary>
public class MobilisationAtomicityTests
{
    private readonly TestEngine _engine;

    public MobilisationAtomicityTests() : this(TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected MobilisationAtomicityTests(TestEngine engine) => _engine = engine;

    /// <summary>What the store holds of requests: their rows, their trail and the stream.</summary>
    private sealed record Written(int Requests, MobilisationStatus[] Statuses, List<string> Audit, int LogbookEntries, List<string> Events, long Head);

    private static async Task<Written> WrittenAsync(MobilisationHarness harness)
    {
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        return new Written(
            await db.MobilisationRequests.CountAsync(),
            await db.MobilisationRequests.OrderBy(r => r.IssuedAt).Select(r => r.Status).ToArrayAsync(),
            await harness.AuditActionsAsync(),
            (await harness.LogbookEntriesAsync()).Count,
            await db.Events.OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(),
            await db.Set<Infrastructure.Events.EventStreamHead>().Select(h => h.LastSequence).SingleAsync());
    }

    [SkippableTheory]
    [InlineData("AuditEntries")]
    [InlineData("LogbookEntries")]
    [InlineData("MobilisationRequests")]
    [InlineData("Events")]
    public async Task A_request_whose_trail_cannot_be_written_is_not_issued(string table)
    {
        var failing = FailingWrite.InsertInto(table);
        await using var harness = await new MobilisationHarness(failing.AddTo, _engine).InitializeAsync();
        var crisis = await harness.OpenCrisisAsync();
        var before = await WrittenAsync(harness);

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => harness.Commands.IssueAsync(Sdis77, Draft(crisis: crisis)));

        Assert.Equal(1, failing.Refused);
        Assert.Equivalent(before, await WrittenAsync(harness), strict: true);
        await harness.DeliverAsync();
        Assert.Empty(harness.Mail.Sent);

        failing.Disarm();
        await harness.IssueAsync(Draft(crisis: crisis));

        var after = await WrittenAsync(harness);
        Assert.Equal(1, after.Requests);
        Assert.Equal([MobilisationAuditActions.Issued], after.Audit);
        Assert.Equal(1, after.LogbookEntries);
        Assert.Equal([.. before.Events, "mobilisation.issued", "logbook.entry-written"], after.Events);
        Assert.Equal(before.Head + 2, after.Head);
        await harness.DeliverAsync();
        Assert.Single(harness.Mail.Sent);
    }

    [SkippableTheory]
    [InlineData("AuditEntries")]
    [InlineData("LogbookEntries")]
    public async Task A_step_whose_trail_cannot_be_written_leaves_the_request_where_it_was(string table)
    {
        var failing = FailingWrite.InsertInto(table);
        await using var harness = await new MobilisationHarness(failing.AddTo, _engine).InitializeAsync();
        var request = await harness.IssueAsync(Draft(crisis: await harness.OpenCrisisAsync()));
        var before = await WrittenAsync(harness);

        failing.Arm();
        // Accepting from the inbox is also receiving it: two steps, one unit of work.
        await FailingWrite.AssertFailsAsync(() => harness.Commands.AcceptAsync(MaireChelles, request.Id, request.Version));

        Assert.Equivalent(before, await WrittenAsync(harness), strict: true);

        failing.Disarm();
        var accepted = await harness.Commands.AcceptAsync(MaireChelles, request.Id, request.Version);

        Assert.True(accepted.Succeeded, accepted.Error);
        var after = await WrittenAsync(harness);
        Assert.Equal([MobilisationStatus.Accepted], after.Statuses);
        Assert.Equal(before.Audit.Count + 2, after.Audit.Count);
        Assert.Equal(before.LogbookEntries + 2, after.LogbookEntries);
        Assert.Equal(before.Head + 4, after.Head);
    }
}
