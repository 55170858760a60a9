using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Infrastructure.History;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.History;

/// <summary>
/// Past queries from snapshots plus the events after them give what a replay of the whole stream gives, late
/// messages included. The history, through the real intake (Paris time; snapshots every 15 minutes, taken a minute
/// after their instant): ten cases at Chelles and one at Guichen created at 09:00, received at 09:05; snapshots of
/// 09:15 taken at 09:20; at 09:20 a triage of 09:18 (one UR) on Chelles-2; at 09:30 the triage of 09:10 (two UA) on
/// Chelles-1, late; at 09:40 Chelles-3 completed at 09:35; snapshots mended and taken at 09:50.
/// </summary>
[Collection(GeographyCollection.Name)]
public class PastSnapshotTests : IAsyncLifetime
{
    public PastSnapshotTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    // The same tests on PostgreSQL (the snapshot rows' bulk INSERT follows each provider's mapping): Persistence/Postgres.
    protected PastSnapshotTests(GeographyFixture geography, TestEngine engine)
    {
        _geography = geography;
        _intake = new(geography.Geography, services =>
        {
            services.AddSingleton(Options.Create(new HistoryOptions { SnapshotInterval = TimeSpan.FromMinutes(15) }));
            services.AddSingleton<PastSnapshotTaker>();
        }, engine: engine);
    }

    private static readonly string[] Chelles = [.. Enumerable.Range(1, 10).Select(n => $"fr.fire.sis077.cga-077.INSTANT-CHELLES-{n}")];
    private const string Guichen = "fr.fire.sis035.cga-035.INSTANT-GUICHEN";

    private static readonly Viewer Cogic = new("cogic", "COGIC", Profile.Cogic, Jurisdiction.National);
    private static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    private static readonly Viewer MayorOfChelles = new("m77", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    private static readonly Viewer MayorOfGuichen = new("m35", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));

    private readonly GeographyFixture _geography;
    private readonly IntakeHarness _intake;

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        foreach (var chelles in Chelles) await _intake.PushAsync(CreateCase(chelles));
        await _intake.PushAsync(CreateCase(Guichen, insee: "35126", lat: 47.9675, lon: -1.7947));
        await _intake.DrainAsync();
        await AtAsync(20);
        Assert.Equal(2, await TakeAsync()); // 09:15 as known and as it was
        await _intake.PushAsync(Situation(Chelles[1], "IPR", T0.AddMinutes(18), yellow: 1));
        await _intake.DrainAsync();
        await AtAsync(30);
        await _intake.PushAsync(Situation(Chelles[0], "IPR", T0.AddMinutes(10), red: 2));
        await _intake.DrainAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private PastSituationQueries Queries => new(_intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>(), _geography.Geography);

    private Task AtAsync(int minutes)
    {
        _intake.Clock.SetUtcNow(T0.AddMinutes(minutes));
        return Task.CompletedTask;
    }

    private Task<int> TakeAsync() => _intake.Services.GetRequiredService<PastSnapshotTaker>().RunAsync(CancellationToken.None);

    private Task<T> QueryAsync<T>(Func<EnkiDbContext, Task<T>> query) => _intake.QueryAsync(query);

    private Task<PastSnapshotRow> RowAsync(HistoryClock clock, int minutes, string caseId) =>
        QueryAsync(db => db.PastSnapshots.AsNoTracking().SingleAsync(r => r.Clock == clock && r.At == T0.AddMinutes(minutes).ToUniversalTime() && r.CaseId == caseId));

    private static readonly int[] Minutes = [2, 7, 12, 16, 20, 25, 31, 37, 46, 90];

    private async Task<List<(Viewer, int, HistoryClock, IReadOnlyList<IncidentThen>)>> EverywhereAsync()
    {
        var answers = new List<(Viewer, int, HistoryClock, IReadOnlyList<IncidentThen>)>();
        foreach (var viewer in (Viewer[])[Cogic, Sdis77, MayorOfChelles, MayorOfGuichen])
        foreach (var minutes in Minutes)
        foreach (var clock in (HistoryClock[])[HistoryClock.AsKnown, HistoryClock.AsItWas])
        {
            answers.Add((viewer, minutes, clock, await Queries.KnownAtAsync(viewer, viewer.Jurisdiction, T0.AddMinutes(minutes), clock)));
        }
        return answers;
    }

    [SkippableFact]
    public async Task Snapshots_and_the_events_after_them_give_the_full_replay_before_and_after_the_late_triage_is_mended()
    {
        // Before the job has seen the late triage: the 09:15 snapshot as it was lacks it, the query rebuilds Chelles-1.
        await AtAsync(40);
        await _intake.PushAsync(Situation(Chelles[2], "COM", T0.AddMinutes(35)));
        await _intake.DrainAsync();
        var staleSnapshot = await EverywhereAsync();
        await AtAsync(50);
        Assert.Equal(4, await TakeAsync()); // 09:30 and 09:45 on each clock
        var mended = await EverywhereAsync();
        await QueryAsync(db => db.PastSnapshots.ExecuteDeleteAsync());
        await QueryAsync(db => db.PastSnapshotInstants.ExecuteDeleteAsync());
        var fullReplay = await EverywhereAsync();

        Assert.Equal(fullReplay.Count, staleSnapshot.Count);
        for (var i = 0; i < fullReplay.Count; i++)
        {
            var (viewer, minutes, clock, expected) = fullReplay[i];
            Assert.True(expected.SequenceEqual(staleSnapshot[i].Item4), $"{viewer.Name} at +{minutes} min {clock}, stale snapshot");
            Assert.True(expected.SequenceEqual(mended[i].Item4), $"{viewer.Name} at +{minutes} min {clock}, mended snapshot");
        }
        // And the figures themselves, by hand: at 09:20 Chelles-1 had two UA as it was, none as known; Chelles-2 one UR
        // from 09:18 on both clocks (received 09:20); at 09:37 Chelles-3 was completed as it was, not yet known.
        Assert.Equal((0, 2), (Red(fullReplay, Cogic, 20, HistoryClock.AsKnown, Chelles[0]), Red(fullReplay, Cogic, 20, HistoryClock.AsItWas, Chelles[0])));
        Assert.Equal(1, mended.Single(a => a.Item1 == Sdis77 && a.Item2 == 20 && a.Item3 == HistoryClock.AsKnown).Item4
            .Single(i => i.CaseId == Chelles[1]).Victims.Yellow);
        Assert.Equal((11, 10), (Open(mended, Cogic, 37, HistoryClock.AsKnown), Open(mended, Cogic, 37, HistoryClock.AsItWas)));
        Assert.Equal((10, 0), (mended.Single(a => a.Item1 == MayorOfChelles && a.Item2 == 90 && a.Item3 == HistoryClock.AsItWas).Item4.Count,
            mended.Single(a => a.Item1 == MayorOfGuichen && a.Item2 == 90 && a.Item3 == HistoryClock.AsItWas).Item4.Count(i => i.CaseId != Guichen)));
    }

    [SkippableFact]
    public async Task A_late_triage_after_a_snapshot_counts_at_once_and_the_job_mends_the_snapshot()
    {
        Assert.Equal(0, (await RowAsync(HistoryClock.AsItWas, 15, Chelles[0])).Red);

        var was = await Queries.OpenAtAsync(Sdis77, T0.AddMinutes(20), HistoryClock.AsItWas);
        var known = await Queries.OpenAtAsync(Sdis77, T0.AddMinutes(20), HistoryClock.AsKnown);
        Assert.Equal(2, was.Single(i => i.CaseId == Chelles[0]).Victims.Red);
        Assert.Equal(0, known.Single(i => i.CaseId == Chelles[0]).Victims.Red);

        await AtAsync(50);
        await TakeAsync();
        Assert.Equal(2, (await RowAsync(HistoryClock.AsItWas, 15, Chelles[0])).Red);
        Assert.Equal(0, (await RowAsync(HistoryClock.AsKnown, 15, Chelles[0])).Red);
        Assert.Equal(2, (await RowAsync(HistoryClock.AsKnown, 30, Chelles[0])).Red);
        var head = await QueryAsync(db => db.Events.MaxAsync(e => e.Sequence));
        Assert.All(await QueryAsync(db => db.PastSnapshotInstants.ToListAsync()), s => Assert.Equal(head, s.UpToSequence));

        // The query reads the snapshot: with Guichen's events gone from the stream (tampered here on purpose), the
        // snapshot of 09:45 still holds its case, which the full replay would no longer find.
        await QueryAsync(db => db.Events.Where(e => e.DepartmentCode == "35").ExecuteDeleteAsync());
        Assert.Contains(Guichen, (await Queries.OpenAtAsync(Cogic, T0.AddMinutes(50), HistoryClock.AsKnown)).Select(i => i.CaseId));
        Assert.DoesNotContain(Guichen, (await Queries.OpenAtAsync(Cogic, T0.AddMinutes(14), HistoryClock.AsKnown)).Select(i => i.CaseId));
    }

    private static int Red(List<(Viewer, int, HistoryClock, IReadOnlyList<IncidentThen>)> answers, Viewer viewer, int minutes, HistoryClock clock,
        string caseId) =>
        answers.Single(a => a.Item1 == viewer && a.Item2 == minutes && a.Item3 == clock).Item4.Single(i => i.CaseId == caseId).Victims.Red;

    private static int Open(List<(Viewer, int, HistoryClock, IReadOnlyList<IncidentThen>)> answers, Viewer viewer, int minutes, HistoryClock clock) =>
        answers.Single(a => a.Item1 == viewer && a.Item2 == minutes && a.Item3 == clock).Item4.Count(i => i.IsOpen);
}
