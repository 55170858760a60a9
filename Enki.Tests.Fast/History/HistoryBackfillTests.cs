using Enki.Application.Intake;
using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Infrastructure.History;
using Enki.Infrastructure.History.Backfill;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.History;

/// <summary>
/// History from before the stream: the late-triage history (<see cref="LateTriage"/>) applied by the intake, then its
/// incident events removed, as on a database that knew its incidents before the stream existed. Rebuilt from the raw
/// inbox, the past reads as it did: at 09:20 no UA as known, two as it was.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class HistoryBackfillTests(GeographyFixture geography) : IAsyncLifetime
{
    private const string Chelles = "fr.fire.sis077.cga-077.AVANT-FLUX-CHELLES";
    private const string Guichen = "fr.fire.sis035.cga-035.AVANT-FLUX-GUICHEN";
    private static readonly Viewer Cogic = new("cogic", "COGIC", Profile.Cogic, Jurisdiction.National);
    private readonly IntakeHarness _intake = new(geography.Geography);

    public Task InitializeAsync() => LateTriage.SeedAsync(_intake, Chelles, Guichen);

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private PastSituationQueries Queries => new(_intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>(), geography.Geography);

    private Task<int> BackfillAsync() => _intake.Services.GetRequiredService<IHistoryBackfill>().RunAsync();

    [SkippableFact]
    public async Task Incidents_from_before_the_stream_get_their_past_back_from_the_inbox_once()
    {
        var instants = new[] { 2, 7, 20, 35, 90 }.Select(m => T0.AddMinutes(m)).ToList();
        var before = new List<IReadOnlyList<IncidentThen>>();
        foreach (var at in instants)
        foreach (var clock in (HistoryClock[])[HistoryClock.AsKnown, HistoryClock.AsItWas])
        {
            before.Add(await Queries.KnownAtAsync(Cogic, Cogic.Jurisdiction, at, clock));
        }
        await _intake.QueryAsync(db => db.Events.Where(e => e.Type.StartsWith("incident.")).ExecuteDeleteAsync());
        Assert.Empty(await Queries.KnownAtAsync(Cogic, Cogic.Jurisdiction, T0.AddMinutes(90), HistoryClock.AsItWas));

        Assert.Equal(2, await BackfillAsync());

        var after = new List<IReadOnlyList<IncidentThen>>();
        foreach (var at in instants)
        foreach (var clock in (HistoryClock[])[HistoryClock.AsKnown, HistoryClock.AsItWas])
        {
            after.Add(await Queries.KnownAtAsync(Cogic, Cogic.Jurisdiction, at, clock));
        }
        for (var i = 0; i < before.Count; i++) Assert.True(before[i].SequenceEqual(after[i]), $"instant {i / 2}, clock {i % 2}");
        var at0920 = T0.AddMinutes(20);
        Assert.Equal(0, (await Queries.OpenAtAsync(Cogic, at0920, HistoryClock.AsKnown)).Single(i => i.CaseId == Chelles).Victims.Red);
        Assert.Equal(2, (await Queries.OpenAtAsync(Cogic, at0920, HistoryClock.AsItWas)).Single(i => i.CaseId == Chelles).Victims.Red);

        // Recorded at the inbox's receipt (the triage reached Enki at 09:30), marked rebuilt; a second run adds nothing.
        var rebuilt = await _intake.QueryAsync(db => db.Events.AsNoTracking().Where(e => e.Type.StartsWith("incident.")).OrderBy(e => e.Sequence).ToListAsync());
        Assert.All(rebuilt, e => Assert.True(e.Rebuilt));
        Assert.Equal(T0.AddMinutes(30).ToUniversalTime(), rebuilt.Single(e => e.Type == "incident.victims-changed").RecordedAt);
        Assert.Equal(0, await BackfillAsync());
        Assert.Equal(rebuilt.Count, await _intake.QueryAsync(db => db.Events.CountAsync(e => e.Type.StartsWith("incident."))));
    }

    [SkippableFact]
    public async Task Incidents_created_weeks_apart_are_all_found_and_a_run_that_reached_its_end_is_not_made_again()
    {
        // Guichen created five weeks before Chelles: the incidents are searched window of creation time after window.
        await _intake.QueryAsync(db => db.Incidents.Where(i => i.CaseId == Guichen).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedAt, T0.AddDays(-35))));
        await _intake.QueryAsync(db => db.Events.Where(e => e.Type.StartsWith("incident.")).ExecuteDeleteAsync());

        Assert.Equal(2, await BackfillAsync());
        Assert.Equal(2, await _intake.QueryAsync(db => db.Events.CountAsync(e => e.Type == "incident.opened")));
        var done = await _intake.QueryAsync(db => db.CompletedOneOffTasks.SingleAsync());
        Assert.Equal(HistoryBackfill.TaskName, done.Name);

        // Later starts stop at the record: they no longer read every incident (a history lost afterwards is not looked for again).
        await _intake.QueryAsync(db => db.Events.Where(e => e.Type.StartsWith("incident.")).ExecuteDeleteAsync());
        Assert.Equal(0, await BackfillAsync());
        Assert.Equal(0, await _intake.QueryAsync(db => db.Events.CountAsync(e => e.Type == "incident.opened")));
        await _intake.QueryAsync(db => db.CompletedOneOffTasks.ExecuteDeleteAsync());
        Assert.Equal(2, await BackfillAsync());
    }
}
