using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Infrastructure.History;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.History;

/// <summary>
/// Screens replaying the same past share one computation of its figures (the same answer, not an equal one), only
/// between viewers of one jurisdiction, and never past a late message that changes them.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class SharedPastFiguresTests(GeographyFixture geography) : IAsyncLifetime
{
    private const string Chelles = "fr.fire.sis077.cga-077.PARTAGE-CHELLES";
    private readonly IntakeHarness _intake = new(geography.Geography);

    private static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    private static readonly Viewer Prefecture77 = new("pref77", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    private static readonly Viewer MayorOfGuichen = new("m35", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        // 09:05: the case created at 09:00 arrives.
        await _intake.PushAsync(CreateCase(Chelles));
        await _intake.DrainAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private PastSituationQueries NewQueries() => new(_intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>(), geography.Geography);

    [SkippableFact]
    public async Task Walls_of_one_jurisdiction_replaying_the_same_instant_get_one_answer()
    {
        var queries = NewQueries();
        var at = T0.AddMinutes(20);

        var first = await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at, HistoryClock.AsItWas);
        var again = await queries.FiguresAtAsync(Prefecture77, Jurisdiction.Department("77"), at, HistoryClock.AsItWas);
        var otherInstant = await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at.AddMinutes(10), HistoryClock.AsItWas);

        Assert.Equal(1, first.InProgress);
        Assert.Same(first, again);
        Assert.NotSame(first, otherInstant);
        Assert.Equal(2, queries.FiguresRead);
    }

    [SkippableFact]
    public async Task A_replay_step_reads_the_next_one_ahead_and_that_step_reads_nothing_more()
    {
        var queries = NewQueries();
        var at = T0.AddMinutes(20);

        await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at, HistoryClock.AsItWas, next: at.AddMinutes(10));
        // Nobody waits for the read ahead: it has started once it is counted.
        for (var waited = 0; queries.FiguresRead < 2 && waited < 200; waited++) await Task.Delay(50);
        Assert.Equal(2, queries.FiguresRead);

        var step = await queries.FiguresAtAsync(Prefecture77, Jurisdiction.Department("77"), at.AddMinutes(10), HistoryClock.AsItWas);
        Assert.Equal(1, step.InProgress);
        Assert.Equal(2, queries.FiguresRead);
    }

    [SkippableFact]
    public async Task A_viewer_of_another_jurisdiction_never_gets_the_answer_computed_for_a_wider_one()
    {
        var queries = NewQueries();
        var at = T0.AddMinutes(20);

        var department = await queries.FiguresAtAsync(Sdis77, Jurisdiction.National, at, HistoryClock.AsItWas);
        var guichen = await queries.FiguresAtAsync(MayorOfGuichen, Jurisdiction.National, at, HistoryClock.AsItWas);

        Assert.Equal(1, department.InProgress);
        Assert.Equal(0, guichen.InProgress);
    }

    [SkippableFact]
    public async Task A_late_message_before_the_instant_replaces_the_shared_answer_and_a_later_one_does_not()
    {
        var queries = NewQueries();
        var at = T0.AddMinutes(20);
        var before = await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at, HistoryClock.AsItWas);
        var known = await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at, HistoryClock.AsKnown);

        // 09:30: the triage of 09:10 arrives, late; it happened before 09:20 but Enki learnt it after.
        _intake.Clock.Advance(TimeSpan.FromMinutes(25));
        await _intake.PushAsync(Situation(Chelles, "IPR", T0.AddMinutes(10), red: 2));
        await _intake.DrainAsync();

        var after = await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at, HistoryClock.AsItWas);
        Assert.Equal(0, before.VictimsRed);
        Assert.Equal(2, after.VictimsRed);
        // As known at 09:20 nothing changed: the answer is still the shared one.
        Assert.Same(known, await queries.FiguresAtAsync(Sdis77, Jurisdiction.Department("77"), at, HistoryClock.AsKnown));
    }
}
