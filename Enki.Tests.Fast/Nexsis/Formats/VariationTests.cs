using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>Enki's own variations: exercise traffic, Chelles (77108), overseas, refused acknowledgement.</summary>
public class VariationTests
{
    [Fact]
    public void Exercise_envelope_carries_a_Chelles_case_and_its_resources()
    {
        var read = ReadSuccess("variations/EDXL-DE-exercise-Chelles-RC-EDA-RC-RI.json");

        Assert.Equal("fr.fire.sis077.cga-077_7b1c2d3e-0001-4c44-9a55-77108a000001", read.Distribution.DistributionId);
        Assert.Equal("fr.fire.sis077.cga-077", read.Distribution.SenderId);
        Assert.Equal(At(2026, 3, 14, 9, 5, 0, 1), read.Distribution.SentAt);
        Assert.Equal(TrafficKind.Exercise, read.Distribution.Traffic);
        Assert.True(read.Distribution.IsExercise);
        Assert.False(read.Distribution.IsRealTraffic);
        Assert.Equal(2, read.Messages.Count);

        var created = Assert.IsType<CaseCreated>(read.Messages[0]);
        Assert.Equal("fr.fire.sis077.cga-077.SC-20260314-077-EX042", created.CaseId);
        Assert.Equal("77108", created.Location.InseeCode);
        Assert.Equal("Chelles", created.Location.CityName);
        Assert.Equal(new GeoCoordinate(48.8811, 2.5905), created.Location.Point);
        Assert.Equal(new CaseVictims(VictimCountEstimate.Many, MainVictimKind.Senior), created.Victims);
        Assert.Equal(["R13"], created.RiskThreatCodes);
        Assert.True(created.Alert!.IsFlaggedForAttention);
        Assert.Equal(
            [CaseNoteSource.AlertNote, CaseNoteSource.CaseText],
            created.Notes.Select(n => n.Source));
        Assert.Equal("EXERCICE EXERCICE EXERCICE", created.Notes[1].Text);

        var resources = Assert.IsType<ResourcesReported>(read.Messages[1]);
        Assert.Equal(created.CaseId, resources.CaseId);
        Assert.Equal(
            [("ARRIVEE", "Arrivé sur les lieux", At(2026, 3, 14, 9, 14, 0, 1)), ("RET-BASE", "Retour vers la base", At(2026, 3, 14, 10, 40, 0, 1))],
            resources.Resources.Select(r => (r.State.StatusCode, r.State.StatusLabel!, r.State.ChangedAt)));
        Assert.Equal("CIS Chelles", resources.Resources[0].CentreName);
        Assert.True(resources.Resources[1].State.Available);
    }

    [Fact]
    public void Prefixed_xml_with_an_exercise_message_in_an_actual_envelope_is_an_exercise()
    {
        var read = ReadSuccess("variations/cisu-xml-prefixed-exercise-Chelles.xml");

        Assert.Equal(TrafficKind.Exercise, read.Distribution.Traffic);
        var created = Assert.IsType<CaseCreated>(Assert.Single(read.Messages));
        Assert.Equal("9f0e7a10-77d0-4108-8000-0000000c4e11", created.CaseId);
        Assert.Equal("C01.02.00", created.NatureCode);
        Assert.Equal("Accident ferroviaire", created.Nature!.Label);
        Assert.Equal("Accident de la circulation", created.Nature.FamilyLabel);
        Assert.Equal(new CaseVictims(VictimCountEstimate.Several, MainVictimKind.Child), created.Victims);
        Assert.Equal("77108", created.Location.InseeCode);
        Assert.Equal("Chelles", created.Location.CityName);
        Assert.Equal("Place de la Gare", created.Location.AddressText);
        Assert.Equal(new CaseAlert("ex-alert-77108", "ATTENTION", "18"), created.Alert);
        Assert.Equal("+33699999999", created.Caller!.Phone);
        Assert.Equal(At(2026, 3, 14, 9, 58, 0, 1), created.CreatedAt);
    }

    [Fact]
    public void Emsi_in_exercise_mode_with_deceased_missing_and_evacuated()
    {
        var read = ReadSuccess("variations/EMSI-exercise-Chelles-completed.json");
        var situation = Assert.IsType<SituationUpdated>(Assert.Single(read.Messages));

        Assert.Equal(TrafficKind.Exercise, read.Distribution.Traffic);
        Assert.Equal("fr.fire.sis077.cga-077.SC-20260314-077-EX042", situation.CaseId);
        Assert.Equal(EmsiEventStatus.Completed, situation.Status);
        Assert.Equal(3, situation.Scale);
        var triage = Assert.Single(situation.Casualties);
        Assert.Equal((2, 3, 7, 1, 1), (triage.Red, triage.Yellow, triage.Green, triage.Deceased, triage.Missing));
        Assert.Null(triage.Decontaminated);
        Assert.Equal(new EvacuationCount(At(2026, 3, 14, 11, 25, 0, 1), 40, 12), Assert.Single(situation.Evacuations));
        var position = Assert.Single(situation.Positions);
        Assert.Equal([new GeoCoordinate(48.8811, 2.5905)], position.Coordinates);
        Assert.Empty(position.AddressLines);
        Assert.Equal("Engagé, sur les lieux", Assert.Single(situation.Resources).StatusLabel);
        Assert.Empty(situation.Missions);
    }

    [Fact]
    public void Refused_acknowledgement_in_an_envelope()
    {
        var read = ReadSuccess("variations/EDXL-DE-RC-REF-refused.json");

        Assert.Equal("Ack", read.Distribution.Kind);
        Assert.Equal(TrafficKind.Actual, read.Distribution.Traffic);
        Assert.Equal(
            new AcknowledgementReceived("fr.state.enki_0f3a-0001", true, "fr.health.samuB_error-0001", "ERREUR"),
            Assert.Single(read.Messages));
    }

    [Fact]
    public void Overseas_points_pass_the_sanity_check()
    {
        var created = Single<CaseCreated>("variations/RC-EDA-Reunion-Saint-Denis.json");

        Assert.Equal(new GeoCoordinate(-20.8821, 55.4504), created.Location.Point);
        Assert.Equal("97411", created.Location.InseeCode);
        Assert.Equal(VictimCountEstimate.None, created.Victims!.Count);
        Assert.Equal(TimeSpan.FromHours(4), created.CreatedAt.Offset);
    }
}
