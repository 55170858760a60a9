using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Events;
using Enki.Tests.Geography;
using Enki.Tests.Incidents;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises;

/// <summary>
/// A crisis change or a main-courante entry commits with its audit row and its events, or not at all:
/// a failure injected on any of those writes leaves none of them (issue 13).
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class CrisisAtomicityTests(GeographyFixture geography)
{
    /// <summary>What the store holds of the crisis: its incidents, its main courante, the audit trail and the stream.</summary>
    private sealed record Written(Guid[] IncidentIds, string[] Logbook, List<string> Audit, List<string> Events, long Head);

    private static async Task<Written> WrittenAsync(CrisisStore store, Guid crisisId)
    {
        await using var db = await store.DbFactory.CreateDbContextAsync();
        return new Written(
            [.. (await db.Crises.AsNoTracking().SingleAsync(c => c.Id == crisisId)).IncidentIds],
            [.. (await db.LogbookEntries.AsNoTracking().Where(e => e.CrisisId == crisisId).ToListAsync()).OrderBy(e => e.At).Select(e => e.Text)],
            await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(),
            await db.Events.OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(),
            await db.Set<EventStreamHead>().Select(h => h.LastSequence).SingleAsync());
    }

    public static TheoryData<string, bool> AttachFailures() => new()
    {
        { "AuditEntries", false },
        { "LogbookEntries", false },
        { "Events", false },
        { "Crises", true },
    };

    [Theory]
    [MemberData(nameof(AttachFailures))]
    public async Task An_attachment_whose_trail_cannot_be_written_leaves_the_crisis_as_it_was(string table, bool update)
    {
        var failing = update ? FailingWrite.UpdateOf(table) : FailingWrite.InsertInto(table);
        await using var store = await new CrisisStore(geography.Geography, failing.AddTo).InitializeAsync();
        var fire = IncidentSeed.Open("FEU-CHELLES", IncidentSeed.Chelles);
        await store.AddAsync(fire);
        var crisis = await store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        store.Tick();
        var before = await WrittenAsync(store, crisis.Id);

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, fire.Id));

        Assert.Equal(1, failing.Refused);
        Assert.Equivalent(before, await WrittenAsync(store, crisis.Id), strict: true);

        failing.Disarm();
        await store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, fire.Id);

        var after = await WrittenAsync(store, crisis.Id);
        Assert.Equal([fire.Id], after.IncidentIds);
        Assert.Equal(before.Logbook.Length + 1, after.Logbook.Length);
        Assert.Equal([.. before.Audit, CrisisAuditActions.IncidentAttached], after.Audit);
        Assert.Equal(["crisis.incident-attached", "logbook.entry-written"], after.Events.Skip(before.Events.Count).Order());
        Assert.Equal(before.Head + 2, after.Head);
    }

    [Theory]
    [InlineData("AuditEntries")]
    [InlineData("LogbookEntries")]
    [InlineData("Events")]
    public async Task An_entry_whose_trail_cannot_be_written_is_not_in_the_main_courante(string table)
    {
        var failing = FailingWrite.InsertInto(table);
        await using var store = await new CrisisStore(geography.Geography, failing.AddTo).InitializeAsync();
        var crisis = await store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        store.Tick();
        var before = await WrittenAsync(store, crisis.Id);

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => store.Writer.AppendAsync(crisis.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont de Chelles"));

        Assert.Equal(1, failing.Refused);
        Assert.Equivalent(before, await WrittenAsync(store, crisis.Id), strict: true);

        failing.Disarm();
        await store.Writer.AppendAsync(crisis.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont de Chelles");

        var after = await WrittenAsync(store, crisis.Id);
        Assert.Equal([.. before.Logbook, "Fermeture du pont de Chelles"], after.Logbook);
        Assert.Equal([.. before.Audit, CrisisAuditActions.LogbookAppended], after.Audit);
        Assert.Equal([.. before.Events, "logbook.entry-written"], after.Events);
    }
}
