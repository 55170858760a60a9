using Enki.Application.Crises.Retex;
using Enki.Domain.Crises;
using Enki.Domain.Crises.Retex;
using Enki.Infrastructure.Crises.Retex;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises.Retex;

/// <summary>The RETEX headings: written by the crisis's pilots only, frozen once and for all, audited.</summary>
[Collection(GeographyCollection.Name)]
public sealed class RetexCommandsTests(GeographyFixture geography) : IAsyncLifetime
{
    private CrisisStore _store = null!;
    private Crisis _crisis = null!;

    private RetexCommands Commands => _store.Services.GetRequiredService<RetexCommands>();

    private RetexQueries Queries => _store.Services.GetRequiredService<RetexQueries>();

    private static readonly CorrectiveAction Sirens = new("Tester les sirènes chaque mois", "Mairie de Chelles", new DateOnly(2027, 3, 31));

    public async Task InitializeAsync()
    {
        _store = await new CrisisStore(geography.Geography).InitializeAsync();
        // The SDIS opens it and pilots it; by the ORSEC defaults the mayor contributes.
        _crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_pilot_writes_the_headings_and_every_reader_of_the_crisis_reads_them()
    {
        await Commands.SaveAsync(Sdis77, _crisis.Id, null, "Alerte rapide des riverains", "Liaison avec la mairie", [Sirens]);

        var retex = (await Queries.ReadAsync(MayorOfChelles, _crisis.Id))!;
        Assert.Equal("Alerte rapide des riverains", retex.Strengths);
        Assert.Equal("Liaison avec la mairie", retex.Improvements);
        Assert.Equal([Sirens], retex.Actions);
        Assert.Equal("CODIS 77", retex.Review!.UpdatedByName);
        Assert.False(retex.Review.IsFrozen);
    }

    [Fact]
    public async Task A_contributor_who_does_not_pilot_cannot_write_nor_freeze()
    {
        var refused = await Assert.ThrowsAsync<CrisisRefused>(() => Commands.SaveAsync(MayorOfChelles, _crisis.Id, null, "Tout", null, []));
        Assert.Equal("Seuls les pilotes de la crise rédigent et figent son RETEX.", refused.Message);
        await Assert.ThrowsAsync<CrisisRefused>(() => Commands.FreezeAsync(MayorOfChelles, _crisis.Id, null));
        Assert.Null((await Queries.ReadAsync(Sdis77, _crisis.Id))!.Review);
    }

    [Fact]
    public async Task A_foreign_mayor_is_told_the_crisis_does_not_exist()
    {
        var refused = await Assert.ThrowsAsync<CrisisRefused>(() => Commands.SaveAsync(MayorOfGuichen, _crisis.Id, null, "Tout", null, []));
        Assert.Equal("Crise introuvable.", refused.Message);
    }

    [Fact]
    public async Task Once_frozen_nothing_changes_and_who_froze_it_when_is_kept()
    {
        var version = await Commands.SaveAsync(Sdis77, _crisis.Id, null, "Alerte rapide", "Liaison", [Sirens]);
        _store.Advance(TimeSpan.FromMinutes(10));
        var frozen = await Commands.FreezeAsync(Sdis77, _crisis.Id, version);

        var refused = await Assert.ThrowsAsync<CrisisRefused>(() => Commands.SaveAsync(Sdis77, _crisis.Id, frozen, "Autre chose", null, []));
        Assert.StartsWith("Le RETEX a été figé par CODIS 77", refused.Message);
        await Assert.ThrowsAsync<CrisisRefused>(() => Commands.FreezeAsync(Sdis77, _crisis.Id, frozen));

        var review = (await Queries.ReadAsync(Sdis77, _crisis.Id))!.Review!;
        Assert.Equal("Alerte rapide", review.Strengths);
        Assert.Equal("CODIS 77", review.FrozenByName);
        Assert.Equal(_store.Now, review.FrozenAt);
        var audited = await _store.Intake.QueryAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("crise.retex")).Select(a => a.Action).ToListAsync());
        Assert.Equal([CrisisAuditActions.RetexFrozen, CrisisAuditActions.RetexEdited], audited.Order());
    }

    [Fact]
    public async Task A_second_pilot_saving_an_older_version_is_told_who_changed_it()
    {
        var first = await Commands.SaveAsync(Sdis77, _crisis.Id, null, "A", null, []);
        await Commands.SaveAsync(Prefecture77, _crisis.Id, first, "B", null, []);

        var refused = await Assert.ThrowsAsync<CrisisRefused>(() => Commands.SaveAsync(Sdis77, _crisis.Id, first, "C", null, []));
        Assert.Equal("Préfecture 77 a modifié le RETEX entre-temps : rechargez la page.", refused.Message);
    }

    [Fact]
    public void An_action_without_owner_is_refused_in_French()
    {
        var review = AfterActionReview.Start(Guid.NewGuid(), Sdis77, _store.Now);
        var refused = Assert.Throws<CrisisRefused>(() => review.Edit("", "", [new CorrectiveAction("Former les élus", "", null)], Sdis77, _store.Now));
        Assert.Equal("L'action « Former les élus » n'a pas de responsable.", refused.Message);
    }
}
