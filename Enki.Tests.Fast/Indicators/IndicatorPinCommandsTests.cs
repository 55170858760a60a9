using Enki.Application.Indicators;
using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Geography;
using Enki.Domain.Indicators.Pins;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Crises;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Indicators;

/// <summary>Who may pin an indicator view to a crisis's dashboard or a wall, and take it off: checked by the commands against the store.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IndicatorPinCommandsTests(GeographyFixture geography) : IAsyncLifetime
{
    private const string View = "indicateurs/departement/77?indicateur=interventions-ouvertes&periode=24h&pas=heure&representation=serie";

    private readonly CrisisStore _store = new(geography.Geography, services =>
    {
        services.AddSingleton<IndicatorPinCommands>();
        services.AddSingleton<IndicatorPinQueries>();
    });

    private IndicatorPinCommands Pins => _store.Services.GetRequiredService<IndicatorPinCommands>();

    private IndicatorPinQueries Queries => _store.Services.GetRequiredService<IndicatorPinQueries>();

    private readonly GeographyTerritoryDirectory _directory = new(geography.Geography);

    public async Task InitializeAsync() => await _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task A_pilot_pins_to_the_crisis_and_every_viewer_of_it_sees_the_pin()
    {
        var crisis = await _store.OpenAsync(Prefecture77, CrisisType.Storm, "departement:77");

        var id = await Pins.PinToCrisisAsync(Prefecture77, crisis.Id, View, "Interventions ouvertes — Seine-et-Marne");

        var pin = Assert.Single(await Queries.OfCrisisAsync(Cogic, crisis.Id)); // a national reader sees it
        Assert.Equal((id, PinBoard.Crisis, View), (pin.Id, pin.Board, pin.View));
        await using var db = await _store.DbFactory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == PinAuditActions.Pinned && a.ActorId == Prefecture77.Id));
    }

    [Fact]
    public async Task A_mayor_who_takes_no_part_in_the_crisis_can_neither_pin_nor_see_its_pins()
    {
        var crisis = await _store.OpenAsync(Prefecture77, CrisisType.Storm, "departement:77");
        var id = await Pins.PinToCrisisAsync(Prefecture77, crisis.Id, View, "Interventions ouvertes");

        var refused = await Assert.ThrowsAsync<PinRefused>(() => Pins.PinToCrisisAsync(MayorOfGuichen, crisis.Id, View, "Intrus"));
        Assert.Equal("Crise introuvable.", refused.Message);
        Assert.Empty(await Queries.OfCrisisAsync(MayorOfGuichen, crisis.Id));
        Assert.Equal("Épingle introuvable.", (await Assert.ThrowsAsync<PinRefused>(() => Pins.UnpinAsync(MayorOfGuichen, id))).Message);
        Assert.Single(await Queries.OfCrisisAsync(Prefecture77, crisis.Id));
    }

    [Fact]
    public async Task A_reader_of_the_crisis_may_not_pin_nor_unpin()
    {
        var crisis = await _store.OpenAsync(Prefecture77, CrisisType.Storm, "departement:77");
        var id = await Pins.PinToCrisisAsync(Prefecture77, crisis.Id, View, "Interventions ouvertes");

        // COGIC reads every crisis of the nation, without a participation: reading only.
        Assert.Contains("droit de contribution", (await Assert.ThrowsAsync<PinRefused>(() => Pins.PinToCrisisAsync(Cogic, crisis.Id, View, "x"))).Message);
        Assert.Contains("droit de contribution", (await Assert.ThrowsAsync<PinRefused>(() => Pins.UnpinAsync(Cogic, id))).Message);

        await Pins.UnpinAsync(Prefecture77, id);
        Assert.Empty(await Queries.OfCrisisAsync(Prefecture77, crisis.Id));
    }

    [Fact]
    public async Task A_wall_takes_pins_from_those_whose_jurisdiction_holds_it()
    {
        var chelles = Jurisdiction.Commune("77108");
        var id = await Pins.PinToWallAsync(MayorOfChelles, chelles, "indicateurs/commune/77108?indicateur=interventions-ouvertes", "Chelles");

        await Assert.ThrowsAsync<PinRefused>(() => Pins.PinToWallAsync(MayorOfChelles, Jurisdiction.Department("77"), View, "Département"));
        await Assert.ThrowsAsync<PinRefused>(() => Pins.PinToWallAsync(MayorOfGuichen, chelles, View, "Chelles"));
        Assert.Equal(id, Assert.Single(await Queries.OfWallAsync(Sdis77, chelles, _directory)).Id); // the SDIS may open Chelles's wall
        Assert.Empty(await Queries.OfWallAsync(MayorOfGuichen, chelles, _directory));
        await Assert.ThrowsAsync<PinRefused>(() => Pins.UnpinAsync(MayorOfGuichen, id));
        await Pins.UnpinAsync(Sdis77, id);
        Assert.Empty(await Queries.OfWallAsync(MayorOfChelles, chelles, _directory));
    }
}
