using Enki.Domain.Incidents;
using Enki.Tests.Nexsis.Intake;

namespace Enki.Tests.Incidents;

/// <summary>The incident's own operations, in its words: no NexSIS message in sight.</summary>
public sealed class IncidentOperationsTests
{
    private static readonly DateTimeOffset T0 = TestMessages.T0.ToUniversalTime();

    private static readonly IncidentNature Fire = new("C04.02.01", "Incendie › Bâtiment d'habitation", "C04", null, false);

    private static readonly IncidentNature Flood = new("C08.03.00", "Inondation", "C08", "Crue", false);

    private static MessageContext At(int minutes, string? key = null, bool clock = true) =>
        new(key ?? $"msg-{minutes}", T0.AddMinutes(minutes), T0.AddMinutes(minutes + 1), false, "sis77", Arrival: minutes, HasSenderClock: clock);

    private static IncidentQualification Qualified(IncidentNature nature, VictimCountEstimate? estimate = null, CallerContact? caller = null) =>
        new(nature, "Habitation", estimate, caller);

    private static Incident Opened() =>
        Incident.Open(new IncidentCase("fr.fire.sis077.cga.F1", "F1", T0), Qualified(Fire, VictimCountEstimate.Several, IncidentSeed.Witness), IncidentSeed.Chelles, At(0));

    private static ResourceReport Resource(string id, string code, string label, int minutes) =>
        new(id, id, "VSAV", "sis77", new ResourceStatusChange(code, label, T0.AddMinutes(minutes)));

    private static IncidentSituation Situation(
        IncidentStatus? status = null, TriageReport? triage = null, EvacuationReport? evacuation = null, string? origin = null) =>
        new(status, null, triage, evacuation, [], [], origin);

    [Fact]
    public void Opening_keeps_the_resolved_nature_place_caller_and_estimate_and_notes_it_in_the_timeline()
    {
        var incident = Opened();

        Assert.Equal(("C04.02.01", "Incendie › Bâtiment d'habitation", "C04", false, false),
            (incident.NatureCode, incident.NatureLabel, incident.NatureFamily, incident.NatureCodeUnknown, incident.NatureLabelDisagrees));
        Assert.Equal(("77108", "Habitation", IncidentStatus.Reported), (incident.CommuneCode, incident.LocationKindLabel, incident.Status));
        Assert.Equal(IncidentSeed.Witness, incident.Caller);
        Assert.Equal(VictimCountEstimate.Several, incident.Victims.Estimate);
        var entry = Assert.Single(incident.Timeline);
        Assert.Equal((TimelineEntryKind.Opened, new TimelineQualification("Incendie › Bâtiment d'habitation", "Chelles")), (entry.Kind, entry.Qualification));
        Assert.IsType<IncidentOpened>(Assert.Single(incident.PendingEvents()));
    }

    [Fact]
    public void A_nature_unknown_to_our_list_or_labelled_otherwise_by_the_sender_is_flagged()
    {
        var unknown = Incident.Open(new IncidentCase("c1", null, T0), Qualified(new("C04.99.07", "Explosion", "C04", "Explosion", true)), IncidentSeed.Chelles, At(0));
        var disagreeing = Incident.Open(new IncidentCase("c2", null, T0), Qualified(Flood), IncidentSeed.Chelles, At(0));

        Assert.Equal((true, false, "Explosion"), (unknown.NatureCodeUnknown, unknown.NatureLabelDisagrees, unknown.NatureLabel));
        Assert.Equal((false, true, "Crue"), (disagreeing.NatureCodeUnknown, disagreeing.NatureLabelDisagrees, disagreeing.NatureLabelAsSent));
    }

    [Fact]
    public void A_newer_qualification_requalifies_an_older_one_stays_in_the_history_only()
    {
        var incident = Opened();
        incident.ClearPendingEvents();

        Assert.True(incident.Requalify(Qualified(Flood), IncidentSeed.Meaux, At(20)));
        Assert.True(incident.Requalify(Qualified(Fire), IncidentSeed.Chelles, At(10)));

        Assert.Equal(("C08.03.00", "77284"), (incident.NatureCode, incident.CommuneCode));
        Assert.Equal([TimelineEntryKind.Opened, TimelineEntryKind.Requalified, TimelineEntryKind.OlderCreationKept], incident.Timeline.Select(t => t.Kind));
        Assert.Equal(new TimelineQualification("Inondation", "Meaux"), incident.Timeline[1].Qualification);
        Assert.IsType<IncidentRequalified>(Assert.Single(incident.PendingEvents()));
    }

    [Fact]
    public void The_word_estimate_stays_until_a_partner_counts_then_a_qualification_leaves_the_counts_alone()
    {
        var incident = Opened();

        incident.UpdateSituation(Situation(triage: new TriageReport(1, 2, null, null, null), evacuation: new EvacuationReport(4, null)), null, At(10));
        incident.Requalify(Qualified(Fire, VictimCountEstimate.Many), IncidentSeed.Chelles, At(20));

        Assert.Equal((VictimCountEstimate.Several, 1, 2, 0, 4), (incident.Victims.Estimate, incident.Victims.Red, incident.Victims.Yellow, incident.Victims.Green, incident.Victims.Evacuated));
    }

    [Fact]
    public void Resources_reported_are_engaged_and_noted_with_their_status_and_time()
    {
        var incident = Opened();

        incident.ReportResources([Resource("VSAV1", "DEPART", "Départ", 5), Resource("FPT1", "ARRIVEE", "Arrivée", 7)], At(8));

        Assert.Equal(2, incident.EngagedResourceCount);
        var entry = incident.Timeline[^1];
        Assert.Equal(TimelineEntryKind.ResourcesReported, entry.Kind);
        Assert.Equal([new TimelineResourceMove("VSAV1", "Départ", T0.AddMinutes(5)), new TimelineResourceMove("FPT1", "Arrivée", T0.AddMinutes(7))], entry.Resources!);
    }

    [Fact]
    public void A_status_that_releases_a_resource_counts_it_out_until_a_newer_one_engages_it_again()
    {
        var incident = Opened();
        incident.ReportResources([Resource("VSAV1", "DEPART", "Départ", 5)], At(5));

        incident.ReportResources([Resource("VSAV1", "BASE", "Retour", 30) with { Releases = true }], At(30));
        incident.ReportResources([Resource("VSAV1", "ARRIVEE", "Arrivée", 10)], At(10)); // older: history only
        Assert.Equal((true, 0), (incident.Resources[0].IsReleased, incident.EngagedResourceCount));

        incident.ReportResources([Resource("VSAV1", "DEPART", "Départ", 40)], At(40));
        Assert.Equal((false, 1), (incident.Resources[0].IsReleased, incident.EngagedResourceCount));
    }

    [Fact]
    public void A_situation_moves_the_status_by_the_senders_clock_and_is_noted_in_structured_form()
    {
        var incident = Opened();

        incident.UpdateSituation(Situation(IncidentStatus.Completed, origin: "CODIS 77"), null, At(30));
        incident.UpdateSituation(Situation(IncidentStatus.InProgress, new TriageReport(3, 0, 0, 1, 0)), null, At(20));

        Assert.Equal(IncidentStatus.Completed, incident.Status);
        Assert.Equal(3, incident.Victims.Red); // victims follow their own clock
        var last = incident.Timeline[^1];
        Assert.Equal(new TimelineSituation(IncidentStatus.InProgress, null, new TriageReport(3, 0, 0, 1, 0), null, 0, null), last.Situation);
    }

    [Fact]
    public void A_situation_places_the_incident_only_while_it_has_no_point()
    {
        var unplaced = IncidentSeed.Chelles with { Latitude = null, Longitude = null };
        var incident = Incident.Open(new IncidentCase("c3", null, T0), Qualified(Fire), unplaced, At(0));
        var withPoint = Opened();

        incident.UpdateSituation(Situation(), IncidentSeed.Meaux, At(10));
        withPoint.UpdateSituation(Situation(), IncidentSeed.Meaux, At(10));

        Assert.Equal("77284", incident.CommuneCode);
        Assert.Equal("77108", withPoint.CommuneCode);
    }

    [Fact]
    public void A_cancellation_ends_the_case_whatever_its_time_and_each_message_applies_once()
    {
        var incident = Opened();
        incident.UpdateSituation(Situation(IncidentStatus.InProgress), null, At(30));

        Assert.True(incident.Cancel(At(5, "cancel")));
        Assert.False(incident.Cancel(At(5, "cancel")));
        Assert.False(incident.ReportResources([Resource("VSAV1", "DEPART", "Départ", 5)], At(5, "cancel")));

        Assert.Equal(IncidentStatus.Cancelled, incident.Status);
        Assert.Equal(TimelineEntryKind.Cancelled, incident.Timeline[^1].Kind);
        Assert.Equal(3, incident.Timeline.Count);
    }
}
