using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Logbook;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises;

/// <summary>The main courante in a real SQLite file: append-only, corrections, filters, live announcements.</summary>
[Collection(GeographyCollection.Name)]
public sealed class LogbookStoreTests(GeographyFixture geography) : IAsyncLifetime
{
    private CrisisStore _store = null!;
    private Crisis _crisis = null!;

    public async Task InitializeAsync()
    {
        _store = await new CrisisStore(geography.Geography).InitializeAsync();
        _crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        _store.Tick();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Entries_cannot_be_changed_or_deleted()
    {
        var id = await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Decision, "Fermeture du pont");
        await using var db = await _store.DbFactory.CreateDbContextAsync();
        var entry = await db.LogbookEntries.SingleAsync(e => e.Id == id);

        db.Entry(entry).Property(e => e.Text).CurrentValue = "Rien";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Deleted;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_pointing_at_the_wrong_one()
    {
        var wrong = await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Action, "50 personnes évacuées");
        _store.Tick();
        var fix = await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Action, "150 personnes évacuées", corrects: wrong);

        var page = (await _store.Logbook.SearchAsync(Sdis77, _crisis.Id, new LogbookQuery(Kind: LogbookEntryKind.Action)))!;

        Assert.Equal([fix, wrong], page.Items.Select(e => e.Id));
        Assert.Equal(wrong, page.Items[0].Corrects);
        Assert.Equal([wrong], page.CorrectedIds);
        await Assert.ThrowsAsync<CrisisRefused>(() => _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Action, "x", corrects: Guid.NewGuid()));
    }

    [Fact]
    public async Task Only_a_pilot_writes_the_situation_a_contributor_writes_the_rest()
    {
        // The mairie contributes by ORSEC default: it writes decisions, not the situation the report opens on.
        await _store.Writer.AppendAsync(_crisis.Id, MayorOfChelles, LogbookEntryKind.Decision, "Fermeture du gymnase");
        var refused = await Assert.ThrowsAsync<CrisisRefused>(() =>
            _store.Writer.AppendAsync(_crisis.Id, MayorOfChelles, LogbookEntryKind.SituationReport, "Tout est sous contrôle"));
        Assert.Equal("Le point de situation est rédigé par un pilote de la crise.", refused.Message);

        await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.SituationReport, "Montée de la Marne de 40 cm");
        var page = (await _store.Logbook.SearchAsync(Sdis77, _crisis.Id, new LogbookQuery(Kind: LogbookEntryKind.SituationReport)))!;
        Assert.Equal(["Montée de la Marne de 40 cm"], page.Items.Select(e => e.Text));
    }

    [Fact]
    public async Task Reading_right_is_not_enough_to_write()
    {
        // The mairie contributes by default (ORSEC): its pilot brings it down to reading.
        await _store.Commands.SetParticipantAsync(Sdis77, _crisis.Id,
            CrisisParticipant.Organisation(MayorOfChelles.Jurisdiction, "Mairie de Chelles", ParticipationRight.Read));
        var refused = await Assert.ThrowsAsync<CrisisRefused>(() =>
            _store.Writer.AppendAsync(_crisis.Id, MayorOfChelles, LogbookEntryKind.Information, "Bonjour"));
        Assert.Contains("contribution", refused.Message);
    }

    [Fact]
    public async Task Filters_combine_and_page()
    {
        await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Request, "Besoin de pompes", ["Moyens"]);
        _store.Tick();
        await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Action, "Pompes engagées quai de la Marne", ["moyens", "marne"]);
        _store.Tick();
        await _store.Commands.SetParticipantAsync(Sdis77, _crisis.Id,
            CrisisParticipant.Organisation(MayorOfChelles.Jurisdiction, "Mairie de Chelles", ParticipationRight.Contribution));
        _store.Tick();
        await _store.Writer.AppendAsync(_crisis.Id, MayorOfChelles, LogbookEntryKind.Information, "Gymnase ouvert aux sinistrés");

        async Task<int> Count(LogbookQuery query) => (await _store.Logbook.SearchAsync(Sdis77, _crisis.Id, query))!.Total;

        Assert.Equal(5, await Count(new LogbookQuery()));
        Assert.Equal(2, await Count(new LogbookQuery(Tag: "MOYENS")));
        Assert.Equal(1, await Count(new LogbookQuery(Tag: "marne", Kind: LogbookEntryKind.Action)));
        Assert.Equal(1, await Count(new LogbookQuery(Author: "Chelles")));
        Assert.Equal(1, await Count(new LogbookQuery(Text: "Gymnase")));
        Assert.Equal(0, await Count(new LogbookQuery(From: _store.Now.AddMinutes(1))));
        var page = (await _store.Logbook.SearchAsync(Sdis77, _crisis.Id, new LogbookQuery(Skip: 1, Take: 2)))!;
        Assert.Equal(2, page.Items.Count);
        Assert.Equal("Pompes engagées quai de la Marne", page.Items[1].Text);
    }

    [Fact]
    public async Task Open_screens_of_the_crisis_hear_of_new_entries()
    {
        await _store.DeliverAsync(); // what opening the crisis wrote reached the screens before this one opened
        var heard = new TaskCompletionSource<LogbookAppended>();
        var other = new List<LogbookAppended>();
        var feed = _store.Services.GetRequiredService<ILogbookFeed>();
        using var mine = feed.Subscribe(_crisis.Id, a => { heard.TrySetResult(a); return Task.CompletedTask; });
        using var theirs = feed.Subscribe(Guid.NewGuid(), a => { other.Add(a); return Task.CompletedTask; });

        var id = await _store.Writer.AppendAsync(_crisis.Id, Sdis77, LogbookEntryKind.Information, "Message");
        await _store.DeliverAsync();

        Assert.Equal(id, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(5))).EntryId);
        Assert.Empty(other);
    }
}
