using Enki.Infrastructure.Audit;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Tests.Incidents;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Events;

/// <summary>
/// The stream on a real SQLite file: numbered without gaps in commit order whatever the concurrency,
/// written with the state or not at all, and read past what this version cannot read (issue 13).
/// </summary>
public class EventStreamTests
{
    private readonly TestEngine _engine;

    public EventStreamTests() : this(TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected EventStreamTests(TestEngine engine) => _engine = engine;

    private static AcknowledgementOwed Owed(string distributionId) =>
        new(distributionId, "fr.fire.sis077", Exercise: false, Again: false, DateTimeOffset.UtcNow);

    [SkippableFact]
    public async Task Concurrent_units_of_work_number_the_stream_one_to_n_in_commit_order()
    {
        await using var store = await new EventStore(engine: _engine).InitializeAsync();
        const int writers = 8, saves = 25;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var save = 0; save < saves; save++)
            {
                await using var db = await store.DbFactory.CreateDbContextAsync();
                // A change of state with 1 to 3 events, as a command's unit of work.
                db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Action = "test", Target = $"{writer}-{save}" });
                var count = 1 + (writer + save) % 3;
                for (var i = 0; i < count; i++) db.Record(Owed($"{writer}-{save}-{i}"));
                await db.SaveChangesAsync();
            }
        })));

        var rows = await store.RowsAsync();
        var expected = Enumerable.Range(0, writers).Sum(w => Enumerable.Range(0, saves).Sum(s => 1 + (w + s) % 3));
        Assert.Equal(Enumerable.Range(1, expected).Select(n => (long)n), rows.Select(r => r.Sequence));
        Assert.Equal(expected, await store.HeadAsync());
        Assert.Equal(writers * saves, await store.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "test")));
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].RecordedAt >= rows[i - 1].RecordedAt, $"Event {rows[i].Sequence} recorded before event {rows[i - 1].Sequence}.");
        }
        // One unit of work's events are consecutive, in the order it recorded them.
        var ids = rows.Select(r => ((AcknowledgementOwed)EventCatalog.Read(r)!.Event).DistributionId).ToList();
        Assert.Equal(expected, ids.Distinct().Count());
        foreach (var unit in ids.Select((id, index) => (Unit: id[..id.LastIndexOf('-')], Index: index)).GroupBy(p => p.Unit))
        {
            var positions = unit.Select(p => p.Index).ToList();
            Assert.Equal(Enumerable.Range(positions[0], positions.Count), positions);
            Assert.Equal(Enumerable.Range(0, positions.Count).Select(i => $"{unit.Key}-{i}"), positions.Select(p => ids[p]));
        }
    }

    [SkippableFact]
    public async Task A_state_write_that_fails_leaves_no_event_and_the_head_where_it_was()
    {
        var failing = FailingWrite.InsertInto("Incidents");
        await using var store = await new EventStore(failing.AddTo, _engine).InitializeAsync();
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            db.Record(Owed("before"));
            await db.SaveChangesAsync();
        }

        failing.Arm();
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            db.Incidents.Add(IncidentSeed.Open("FEU-CHELLES", IncidentSeed.Chelles));
            await FailingWrite.AssertFailsAsync(() => db.SaveChangesAsync());
        }

        Assert.Equal(1, failing.Refused);
        Assert.Equal([1L], (await store.RowsAsync()).Select(r => r.Sequence));
        Assert.Equal(1, await store.HeadAsync());
        Assert.Equal(0, await store.QueryAsync(db => db.Incidents.CountAsync()));

        failing.Disarm();
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            db.Incidents.Add(IncidentSeed.Open("FEU-CHELLES", IncidentSeed.Chelles));
            await db.SaveChangesAsync();
        }

        var opened = (await store.RowsAsync())[^1];
        Assert.Equal((2L, "incident.opened"), (opened.Sequence, opened.Type));
    }

    [SkippableFact]
    public async Task An_event_insert_that_fails_leaves_no_change_of_state()
    {
        var failing = FailingWrite.InsertInto("Events");
        await using var store = await new EventStore(failing.AddTo, _engine).InitializeAsync();

        failing.Arm();
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            db.Incidents.Add(IncidentSeed.Open("FEU-CHELLES", IncidentSeed.Chelles));
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Action = "test" });
            await FailingWrite.AssertFailsAsync(() => db.SaveChangesAsync());
        }

        Assert.Equal(1, failing.Refused);
        Assert.Equal(0, await store.QueryAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(0, await store.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.Empty(await store.RowsAsync());
        Assert.Equal(0, await store.HeadAsync());
    }

    [SkippableFact]
    public async Task The_reader_skips_what_it_cannot_read_and_still_moves_past_it()
    {
        await using var store = await new EventStore(engine: _engine).InitializeAsync();
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            for (var i = 1; i <= 5; i++) db.Record(Owed($"d{i}"));
            await db.SaveChangesAsync();
            // Written by a newer version: a name this one does not know, and a payload it cannot read.
            await db.Events.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Type, "nexsis.something-new"));
            await db.Events.Where(e => e.Sequence == 4).ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, "{\"distributionId\": [1, 2]"));
        }
        var reader = store.Reader;

        var all = await reader.AfterAsync(0, 10, CancellationToken.None);

        Assert.Equal(["d1", "d3", "d5"], all.Select(e => e.Event).OfType<AcknowledgementOwed>().Select(e => e.DistributionId));
        Assert.Equal(5, all[^1].Sequence);
        Assert.Empty(await reader.AfterAsync(5, 10, CancellationToken.None));

        // Batches that end on an unreadable row still give its number as the next position.
        var first = await reader.AfterAsync(0, 2, CancellationToken.None);
        Assert.Equal(["d1"], first.Select(e => e.Event).OfType<AcknowledgementOwed>().Select(e => e.DistributionId));
        Assert.Equal(2, first[^1].Sequence);
        var second = await reader.AfterAsync(first[^1].Sequence, 2, CancellationToken.None);
        Assert.Equal(["d3"], second.Select(e => e.Event).OfType<AcknowledgementOwed>().Select(e => e.DistributionId));
        Assert.Equal(4, second[^1].Sequence);
    }
}
