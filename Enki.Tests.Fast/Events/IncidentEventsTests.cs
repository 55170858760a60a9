using Enki.Application.Intake;
using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Tests.Incidents;
using Enki.Tests.Nexsis.Intake;

namespace Enki.Tests.Events;

/// <summary>An incident records one event per meaningful change a message made, with what it was before (issue 13).</summary>
public sealed class IncidentEventsTests
{
    private static readonly DateTimeOffset T0 = TestMessages.T0.ToUniversalTime();

    /// <summary>An incident opened at T0, its opening event already taken by the store.</summary>
    private static Incident Fire()
    {
        var incident = IncidentSeed.Open("FEU-CHELLES", IncidentSeed.Chelles);
        incident.ClearPendingEvents();
        return incident;
    }

    private static MessageContext At(int minutes, string? key = null) =>
        new(key ?? $"msg-{minutes}", T0.AddMinutes(minutes), T0.AddMinutes(minutes), false, "test");

    private static IncidentSituation Situation(IncidentStatus? status = null, TriageReport? triage = null) =>
        new(status, null, triage, null, [], [], null);

    private static TriageReport Triage(int red, int yellow, int green) => new(red, yellow, green, 0, 0);

    private static ResourceReport Resource(string id, string status, int minutes) =>
        new(id, id.Replace('-', ' '), "VSAV", "fr.fire.sis077", new ResourceStatusChange(status, status, T0.AddMinutes(minutes)));

    private static IncidentQualification Qualification(string nature) =>
        new(NexsisTranslation.Nature(nature, null), null, VictimCountEstimate.Several, null);

    private static T Single<T>(Incident incident) where T : DomainEvent => Assert.IsType<T>(Assert.Single(incident.PendingEvents()));

    [Fact]
    public void An_opened_incident_records_its_opening()
    {
        var incident = IncidentSeed.Open("FEU-CHELLES", IncidentSeed.Chelles);

        var opened = Single<IncidentOpened>(incident);
        Assert.Equal((incident.Id, "fr.fire.sis077.cga.FEU-CHELLES", "77108", IncidentStatus.Reported), (opened.Incident.IncidentId, opened.Incident.CaseId, opened.Incident.CommuneCode, opened.Incident.Status));
        Assert.Equal(("C04.02.01", incident.NatureLabel, T0), (opened.NatureCode, opened.NatureLabel, opened.OccurredAt));
    }

    [Fact]
    public void A_requalification_records_the_previous_nature()
    {
        var incident = Fire();

        incident.Requalify(Qualification("C08.03.00"), IncidentSeed.Chelles, At(10));

        var requalified = Single<IncidentRequalified>(incident);
        Assert.Equal(("C04.02.01", "C08.03.00", "C08"), (requalified.PreviousNatureCode, requalified.NatureCode, requalified.NatureFamily));
        Assert.Equal(T0.AddMinutes(10), requalified.OccurredAt);
    }

    [Fact]
    public void A_status_change_records_the_previous_status()
    {
        var incident = Fire();

        incident.UpdateSituation(Situation(IncidentStatus.InProgress), null, At(10));

        var changed = Single<IncidentStatusChanged>(incident);
        Assert.Equal((IncidentStatus.Reported, IncidentStatus.InProgress), (changed.Previous, changed.Incident.Status));
    }

    [Fact]
    public void Completing_an_incident_records_its_closing()
    {
        var incident = Fire();
        incident.UpdateSituation(Situation(IncidentStatus.InProgress), null, At(10));
        incident.ClearPendingEvents();

        incident.UpdateSituation(Situation(IncidentStatus.Completed), null, At(20));

        var closed = Single<IncidentClosed>(incident);
        Assert.Equal((IncidentStatus.InProgress, IncidentStatus.Completed), (closed.Previous, closed.Incident.Status));
    }

    [Fact]
    public void Cancelling_an_incident_records_its_closing()
    {
        var incident = Fire();

        incident.Cancel(At(10));

        var closed = Single<IncidentClosed>(incident);
        Assert.Equal((IncidentStatus.Reported, IncidentStatus.Cancelled), (closed.Previous, closed.Incident.Status));
    }

    [Fact]
    public void A_victims_count_records_the_previous_count()
    {
        var incident = Fire();
        var before = incident.Victims;

        incident.UpdateSituation(Situation(triage: Triage(1, 2, 3)), null, At(10));

        var changed = Single<IncidentVictimsChanged>(incident);
        Assert.Equal(before, changed.Previous);
        Assert.Equal((1, 2, 3), (changed.Victims.Red, changed.Victims.Yellow, changed.Victims.Green));
    }

    [Fact]
    public void Resources_record_only_those_whose_status_moved()
    {
        var incident = Fire();
        incident.ReportResources([Resource("VSAV-1", "DEPART", 5), Resource("FPT-1", "DEPART", 5)], At(5));
        var engaged = Single<IncidentResourcesChanged>(incident);
        Assert.Equal(["VSAV-1", "FPT-1"], engaged.Changes.Select(c => c.ResourceId));
        Assert.Equal(2, engaged.EngagedCount);
        incident.ClearPendingEvents();

        incident.ReportResources([Resource("VSAV-1", "ARRIVEE", 12), Resource("FPT-1", "DEPART", 5)], At(12));

        var moved = Assert.Single(Single<IncidentResourcesChanged>(incident).Changes);
        Assert.Equal(("VSAV-1", "ARRIVEE", T0.AddMinutes(12)), (moved.ResourceId, moved.Status.Code, moved.Status.At));
    }

    [Fact]
    public void A_message_that_changes_nothing_records_nothing()
    {
        var incident = Fire();
        incident.UpdateSituation(Situation(IncidentStatus.InProgress, Triage(1, 0, 0)), null, At(20));
        incident.ReportResources([Resource("VSAV-1", "ARRIVEE", 20)], At(20, "rc-ri-20"));
        incident.ClearPendingEvents();

        // Older than what is known: kept in the history only.
        Assert.True(incident.UpdateSituation(Situation(IncidentStatus.Suspended, Triage(5, 5, 5)), null, At(10)));
        Assert.True(incident.ReportResources([Resource("VSAV-1", "DEPART", 10)], At(10, "rc-ri-10")));
        // Already applied.
        Assert.False(incident.UpdateSituation(Situation(IncidentStatus.Completed), null, At(20)));
        // Newer, but saying what is already known.
        Assert.True(incident.UpdateSituation(Situation(IncidentStatus.InProgress), null, At(30)));

        Assert.Empty(incident.PendingEvents());
        Assert.Equal(IncidentStatus.InProgress, incident.Status);
    }

    [Fact]
    public void One_message_changing_status_and_victims_records_two_events()
    {
        var incident = Fire();

        incident.UpdateSituation(Situation(IncidentStatus.InProgress, Triage(2, 1, 4)), null, At(10));

        Assert.Collection(incident.PendingEvents(),
            e => Assert.Equal(IncidentStatus.Reported, Assert.IsType<IncidentStatusChanged>(e).Previous),
            e => Assert.Equal(7, Assert.IsType<IncidentVictimsChanged>(e).Victims.Injured));
        Assert.All(incident.PendingEvents(), e => Assert.Equal(T0.AddMinutes(10), e.OccurredAt));
    }
}
