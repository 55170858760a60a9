using System.Collections.Concurrent;
using Enki.Domain.Access;
using Enki.Infrastructure.Incidents;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Dashboard;

[Collection(GeographyCollection.Name)]
/// <summary>The figures of the live path (<see cref="LiveTerritories"/>) over the real intake and store.</summary>
public sealed class LiveFiguresTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly IntakeHarness _intake = new(geography.Geography, services =>
    {
        services.AddSingleton<DashboardQueries>();
        services.AddIncidentMap();
        services.AddSingleton<LiveTerritories>();
    }, realClock: true);

    public Task InitializeAsync() => _intake.InitializeAsync();

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private static async Task<DashboardFigures> NextAsync(BlockingCollection<DashboardFigures> received, Func<DashboardFigures, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (received.TryTake(out var figures, 100) && until(figures)) return figures;
            await Task.Yield();
        }
        throw new TimeoutException("expected figures never came");
    }

    [Fact]
    public async Task Watchers_of_a_territory_get_new_figures_when_an_incident_there_changes_and_only_then()
    {
        var territories = _intake.Services.GetRequiredService<LiveTerritories>();
        var chelles = new BlockingCollection<DashboardFigures>();
        var guichen = new BlockingCollection<DashboardFigures>();
        using var watchChelles = territories.WatchFigures(Jurisdiction.Commune("77108"), f => { chelles.Add(f); return Task.CompletedTask; });
        using var watchGuichen = territories.WatchFigures(Jurisdiction.Commune("35126"), f => { guichen.Add(f); return Task.CompletedTask; });
        await NextAsync(chelles, f => f.InProgress == 0);
        await NextAsync(guichen, f => f.InProgress == 0);

        await _intake.PushAsync(CreateCase("case.live.chelles"));
        await _intake.DrainAsync();
        await _intake.DeliverEventsAsync();

        var updated = await NextAsync(chelles, f => f.InProgress == 1);
        Assert.Equal("77108", updated.Scope.Code);
        await Task.Delay(2 * LiveTerritories.Coalesce); // proves a non-event (Guichen not recomputed): bounded by two coalescing windows
        Assert.Empty(guichen); // Guichen's screens were not disturbed
    }

    [Fact]
    public async Task Screens_on_the_same_territory_share_one_computation_and_the_scope_is_dropped_when_nobody_watches()
    {
        var territories = _intake.Services.GetRequiredService<LiveTerritories>();
        var received = new ConcurrentBag<DashboardFigures>();
        var watches = Enumerable.Range(0, 50)
            .Select(_ => territories.WatchFigures(Jurisdiction.Department("77"), f => { received.Add(f); return Task.CompletedTask; }))
            .ToList();

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (received.Count < 50 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(50, received.Count);
        Assert.Single(received.Select(f => f.At).Distinct()); // one snapshot for all
        Assert.Equal(1, territories.Watched);
        watches.ForEach(w => w.Dispose());
        Assert.Equal(0, territories.Watched);
    }
}
