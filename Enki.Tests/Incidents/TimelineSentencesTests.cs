using Enki.Domain.Incidents;
using Enki.Web.Components.Incidents.Detail;

namespace Enki.Tests.Incidents;

/// <summary>The timeline's French sentences, written by Web from the incident's structured entries.</summary>
public sealed class TimelineSentencesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 5, 0, TimeSpan.FromHours(1));

    private static TimelineEntry Entry(TimelineEntryKind kind, TimelineQualification? qualification = null,
        IReadOnlyList<TimelineResourceMove>? resources = null, TimelineSituation? situation = null) =>
        new(At, At, kind, "key", qualification, resources, situation);

    [Theory]
    [InlineData(TimelineEntryKind.Opened, "Création", "Affaire créée : Incendie à Chelles")]
    [InlineData(TimelineEntryKind.Requalified, "Requalification", "Affaire requalifiée : Incendie à Chelles")]
    public void Openings_and_requalifications_name_the_nature_and_the_commune(TimelineEntryKind kind, string caption, string sentence)
    {
        var entry = Entry(kind, new TimelineQualification("Incendie", "Chelles"));

        Assert.Equal((caption, sentence), (TimelineSentences.Kind(entry.Kind), TimelineSentences.Summary(entry)));
    }

    [Fact]
    public void An_older_creation_and_a_cancellation_say_what_happened()
    {
        Assert.Equal(("Création", "Message de création plus ancien que l'état connu : conservé dans l'historique"),
            (TimelineSentences.Kind(TimelineEntryKind.OlderCreationKept), TimelineSentences.Summary(Entry(TimelineEntryKind.OlderCreationKept))));
        Assert.Equal(("Annulation", "Affaire annulée par l'émetteur"),
            (TimelineSentences.Kind(TimelineEntryKind.Cancelled), TimelineSentences.Summary(Entry(TimelineEntryKind.Cancelled))));
    }

    [Fact]
    public void Resources_list_each_move_with_its_time()
    {
        var entry = Entry(TimelineEntryKind.ResourcesReported, resources:
            [new TimelineResourceMove("VSAV 1", "Départ", At), new TimelineResourceMove("FPT 2", "Arrivée sur les lieux", At.AddMinutes(12))]);

        Assert.Equal("Moyens", TimelineSentences.Kind(entry.Kind));
        Assert.Equal("Moyens : VSAV 1 : Départ (09:05) ; FPT 2 : Arrivée sur les lieux (09:17)", TimelineSentences.Summary(entry));
    }

    [Fact]
    public void A_situation_lists_what_it_said_and_who_said_it()
    {
        var entry = Entry(TimelineEntryKind.SituationReported, situation: new TimelineSituation(
            IncidentStatus.InProgress, 3, new TriageReport(1, null, 4, 0, 2), new EvacuationReport(12, null), 2, "CODIS 77"));

        Assert.Equal("Point de situation", TimelineSentences.Kind(entry.Kind));
        Assert.Equal("Point de situation : En cours, échelle 3, victimes UA 1, UR 0, impliqués 4, décédés 0, évacués 12, déplacés 0, 2 mission(s) (CODIS 77)",
            TimelineSentences.Summary(entry));
    }

    [Fact]
    public void An_empty_situation_is_just_a_situation()
    {
        var entry = Entry(TimelineEntryKind.SituationReported, situation: new TimelineSituation(null, null, null, null, 0, null));

        Assert.Equal("Point de situation", TimelineSentences.Summary(entry));
    }
}
