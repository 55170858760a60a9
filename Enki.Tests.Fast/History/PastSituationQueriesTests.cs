using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Infrastructure.History;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.History;

/// <summary>
/// The past read back from real NexSIS messages through the intake, on a SQLite file: a triage sent at
/// 09:10 that reached Enki at 09:30 is absent from « as known at 09:20 » and present in « as it was ».
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class PastSituationQueriesTests(GeographyFixture geography) : IAsyncLifetime
{
    private const string Chelles = "fr.fire.sis077.cga-077.PASSE-CHELLES";
    private const string Guichen = "fr.fire.sis035.cga-035.PASSE-GUICHEN";
    private readonly IntakeHarness _intake = new(geography.Geography);

    private static readonly Viewer MayorOfChelles = new("m77", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    private static readonly Viewer MayorOfGuichen = new("m35", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));
    private static readonly Viewer Cogic = new("cogic", "COGIC", Profile.Cogic, Jurisdiction.National);

    public Task InitializeAsync() => LateTriage.SeedAsync(_intake, Chelles, Guichen);

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private PastSituationQueries Queries => new(_intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>(), geography.Geography);

    [SkippableFact]
    public async Task At_twenty_past_nine_the_late_triage_is_unknown_as_known_and_present_as_it_was()
    {
        var known = await Queries.OpenAtAsync(MayorOfChelles, T0.AddMinutes(20), HistoryClock.AsKnown);
        var was = await Queries.OpenAtAsync(MayorOfChelles, T0.AddMinutes(20), HistoryClock.AsItWas);

        Assert.Equal(0, Assert.Single(known).Victims.Red);
        Assert.Equal(2, Assert.Single(was).Victims.Red);
    }

    [SkippableFact]
    public async Task Before_the_cases_reached_enki_nothing_was_known_though_they_existed()
    {
        Assert.Empty(await Queries.OpenAtAsync(Cogic, T0.AddMinutes(2), HistoryClock.AsKnown));
        Assert.Equal(2, (await Queries.OpenAtAsync(Cogic, T0.AddMinutes(2), HistoryClock.AsItWas)).Count);
    }

    [SkippableFact]
    public async Task Each_mayor_sees_only_the_past_of_their_commune()
    {
        var later = T0.AddHours(1);
        Assert.Equal([Chelles], (await Queries.OpenAtAsync(MayorOfChelles, later, HistoryClock.AsKnown)).Select(i => i.CaseId));
        Assert.Equal([Guichen], (await Queries.OpenAtAsync(MayorOfGuichen, later, HistoryClock.AsItWas)).Select(i => i.CaseId));
    }

    [SkippableFact]
    public async Task A_crisis_over_Chelles_at_twenty_past_nine_counts_its_urgences_absolues_only_as_it_was()
    {
        var crisis = Enki.Domain.Crises.Crisis.Open(Cogic, "Crue de la Marne", Enki.Domain.Crises.CrisisType.Flood, null,
            [Jurisdiction.Commune("77108")], T0, false, new Enki.Domain.Geography.GeographyTerritoryDirectory(geography.Geography), T0);

        var known = await Queries.CrisisFiguresAtAsync(Cogic, crisis, T0.AddMinutes(20), HistoryClock.AsKnown);
        var was = await Queries.CrisisFiguresAtAsync(Cogic, crisis, T0.AddMinutes(20), HistoryClock.AsItWas);
        var guichensMayor = await Queries.CrisisFiguresAtAsync(MayorOfGuichen, crisis, T0.AddMinutes(20), HistoryClock.AsItWas);

        // Guichen's case, open too, lies outside the crisis's territory.
        Assert.Equal((1, 0), (known.InProgress, known.VictimsRed));
        Assert.Equal((1, 2), (was.InProgress, was.VictimsRed));
        Assert.Equal((0, 0), (guichensMayor.InProgress, guichensMayor.VictimsRed));
    }
}
