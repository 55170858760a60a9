using Enki.Application.Intake;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;

namespace Enki.Tests.Nexsis.Intake;

/// <summary>NexSIS messages into the incident's words: the code lists and EMSI statuses stay in the intake.</summary>
public sealed class NexsisTranslationTests
{
    private static readonly DateTimeOffset T0 = TestMessages.T0.ToUniversalTime();

    [Fact]
    public void A_known_nature_takes_our_label_and_drops_an_agreeing_sender_label()
    {
        var nature = NexsisTranslation.Nature("C04.02.01", "Incendie|Bâtiment d'habitation");

        Assert.Equal(("C04", false, null), (nature.Family, nature.CodeUnknown, nature.LabelAsSent));
        Assert.EndsWith("Bâtiment d’habitation", nature.Label);
    }

    [Fact]
    public void A_known_nature_keeps_a_disagreeing_sender_label_and_an_unknown_one_takes_the_senders()
    {
        var disagreeing = NexsisTranslation.Nature("C04.02.01", "Malaise / détresse vitale");
        var unknown = NexsisTranslation.Nature("C04.99.07", "Explosion|Site industriel");
        var bare = NexsisTranslation.Nature("X1", null);

        Assert.Equal("Malaise / détresse vitale", disagreeing.LabelAsSent);
        Assert.Equal(("Explosion|Site industriel", "C04", true, "Explosion|Site industriel"), (unknown.Label, unknown.Family, unknown.CodeUnknown, unknown.LabelAsSent));
        Assert.Equal(("X1", "X1"), (bare.Label, bare.Family));
    }

    [Theory]
    [InlineData(EmsiEventStatus.NotStarted, IncidentStatus.Reported)]
    [InlineData(EmsiEventStatus.InProgress, IncidentStatus.InProgress)]
    [InlineData(EmsiEventStatus.Stopped, IncidentStatus.Suspended)]
    [InlineData(EmsiEventStatus.Completed, IncidentStatus.Completed)]
    public void Emsi_statuses_map_to_incident_statuses(EmsiEventStatus emsi, IncidentStatus status) =>
        Assert.Equal(status, NexsisTranslation.StatusOf(emsi));

    [Fact]
    public void A_situation_takes_the_latest_counts_times_resources_by_the_message_and_names_its_origin()
    {
        var situation = new SituationUpdated("case", "local", "emsi-1", "UPDATE", T0, "fr.fire.sis077", null, null, null,
            EmsiEventStatus.InProgress, 2, null, null, null, null, null, null, [], null,
            [new TriageCount(null, T0.AddMinutes(5), 9, 9, 9, 9, 9, 0), new TriageCount(null, T0, 1, 1, 1, 1, 1, 0)],
            [new EvacuationCount(T0, 3, 4)], [],
            [new EmsiMission("m1", "SAP", "Secours", "IPR", null, null, null, [], [], [], null, null, null, null)],
            [new EmsiResource("r1", "VSAV 1", ["MAT/VEH"], [], "sis77", "IN_USE/ON_SCENE", null, null, null, null)]);

        var report = NexsisTranslation.Situation(situation, T0.AddMinutes(7));

        Assert.Equal((IncidentStatus.InProgress, 2, "fr.fire.sis077"), (report.Status, report.Scale, report.Origin));
        Assert.Equal(new TriageReport(9, 9, 9, 9, 9), report.Triage);
        Assert.Equal(new EvacuationReport(4, 3), report.Evacuation);
        Assert.Equal("m1", Assert.Single(report.Missions).MissionId);
        var resource = Assert.Single(report.Resources);
        Assert.Equal(("MAT/VEH", "IN_USE/ON_SCENE", T0.AddMinutes(7)), (resource.Kind, resource.Status.Code, resource.Status.At));
        Assert.False(NexsisTranslation.IsCancellation(situation));
        Assert.True(NexsisTranslation.IsCancellation(situation with { MessageType = "cancel" }));
    }
}
