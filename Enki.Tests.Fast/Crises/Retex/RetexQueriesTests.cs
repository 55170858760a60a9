using Enki.Infrastructure.Crises.Retex;
using Enki.Domain.Crises;
using Enki.Tests.Geography;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;
using static Enki.Tests.Crises.Retex.RetexStory;

namespace Enki.Tests.Crises.Retex;

/// <summary>The RETEX timeline and figures, read back from a hand-built crisis with a late message.</summary>
[Collection(GeographyCollection.Name)]
public sealed class RetexQueriesTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly CrisisStore _store = new(geography.Geography);
    private Crisis _crisis = null!;

    private RetexQueries Queries => _store.Services.GetRequiredService<RetexQueries>();

    public async Task InitializeAsync() => _crisis = await SeedAsync(_store);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Timeline_puts_the_late_triage_where_it_happened_with_both_times_and_the_authors()
    {
        var retex = (await Queries.ReadAsync(Sdis77, _crisis.Id))!;

        var lines = retex.Timeline.Select(l => (l.OccurredAt, l.RecordedAt, l.Kind, l.Text, l.Author)).ToList();
        Assert.Equal(
        [
            (Paris(8, 0), Paris(9, 30), RetexLineKind.Crisis, "Début de la crise « Crise Inondation »", "CODIS 77"),
            (Paris(9, 0), Paris(9, 5), RetexLineKind.Incident, "Intervention ouverte : Incendie › Incendie d'un bâtiment / local › Bâtiment d’habitation — Chelles", null),
            (Paris(9, 10), Paris(9, 30), RetexLineKind.Incident, "Bilan victimes — Chelles : 2 UA, 0 UR, 0 impliqué(s), 0 décédé(s), 0 évacué(s)", null),
            (Paris(9, 10), Paris(9, 31), RetexLineKind.Warning, "Avertissement urgent : Victimes à Chelles : 2 UA", null),
            (Paris(9, 33), Paris(9, 33), RetexLineKind.Warning, "Avertissement acquitté : Victimes à Chelles : 2 UA", "Maire de Chelles"),
            (Paris(9, 35), Paris(9, 35), RetexLineKind.Decision, "Évacuation du quartier des Coudreaux (appelant à rappeler au [masqué])",
                "CODIS 77 (SDIS / CODIS — Département 77)"),
            (Paris(9, 36), Paris(9, 36), RetexLineKind.Request, "Demande émise : « Ouvrir le gymnase » à Chelles (77108)", "CODIS 77"),
            (Paris(9, 40), Paris(9, 40), RetexLineKind.Request, "Demande « Ouvrir le gymnase » à Chelles (77108) : reçue", "Maire de Chelles"),
            (Paris(9, 40), Paris(9, 40), RetexLineKind.Request,
                "Demande « Ouvrir le gymnase » à Chelles (77108) : refusée (motif : Gymnase déjà occupé)", "Maire de Chelles"),
        ], lines);
        Assert.True(retex.Timeline[2].IsLate);
        Assert.False(retex.Timeline[1].IsLate);
        var warning = Assert.Single(retex.Warnings);
        Assert.Equal((Paris(9, 33), "Maire de Chelles"), (warning.AcknowledgedAt!.Value, warning.AcknowledgedByName));
    }

    [SkippableFact]
    public async Task Figures_at_each_hour_show_what_was_known_then_and_what_really_was()
    {
        var retex = (await Queries.ReadAsync(Sdis77, _crisis.Id))!;

        // From the crisis's start (08:00) to now (10:05): 08:00, 09:00, 10:00.
        Assert.Equal([Paris(8, 0), Paris(9, 0), Paris(10, 0)], retex.Hours.Select(h => h.At));
        // At 09:00 the case existed (created 09:00) but Enki learnt it at 09:05.
        Assert.Equal(new RetexFigures(0, 0, 0, 0, 0), retex.Hours[1].Known);
        Assert.Equal(new RetexFigures(1, 0, 0, 0, 0), retex.Hours[1].Actual);
        Assert.Equal(new RetexFigures(1, 2, 0, 0, 0), retex.Hours[2].Known);
        Assert.Equal(new RetexFigures(1, 2, 0, 0, 0), retex.Hours[2].Actual);
    }

    [SkippableFact]
    public async Task Requests_keep_their_outcome_and_the_other_communes_case_never_enters()
    {
        var retex = (await Queries.ReadAsync(MayorOfChelles, _crisis.Id))!;

        var request = Assert.Single(retex.Requests);
        Assert.Equal("Refusée : Gymnase déjà occupé", request.Outcome);
        Assert.Equal(Paris(9, 40), request.ClosedAt);
        Assert.DoesNotContain(retex.Timeline, l => l.Text.Contains("Guichen"));
        Assert.DoesNotContain(retex.Timeline, l => l.Text.Contains("06 12"));
    }

    [SkippableFact]
    public async Task Mayor_of_Guichen_gets_nothing_of_a_Chelles_crisis()
    {
        Assert.Null(await Queries.ReadAsync(MayorOfGuichen, _crisis.Id));
        Assert.NotNull(await Queries.ReadAsync(Cogic, _crisis.Id));
    }
}
