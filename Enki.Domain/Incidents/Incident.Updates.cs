namespace Enki.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>Resources engaged and their status changes.</summary>
    public bool ReportResources(IReadOnlyList<ResourceReport> resources, MessageContext context)
    {
        if (HasApplied(context.MessageKey))
        {
            return false;
        }
        var before = Before();
        foreach (var resource in resources)
        {
            Engage(resource);
        }
        Record(context, TimelineEntryKind.ResourcesReported,
            resources: resources.Select(r => new TimelineResourceMove(r.Name, r.Status.Label, r.Status.At)).ToList());
        Announce(before, context);
        return true;
    }

    /// <summary>A partner's situation: status, scale, victim counts, missions and resources.</summary>
    /// <param name="place">The place the report points at, when it carries one: taken only while the incident has no point.</param>
    public bool UpdateSituation(IncidentSituation situation, IncidentPlace? place, MessageContext context)
    {
        if (HasApplied(context.MessageKey))
        {
            return false;
        }
        var before = Before();
        if (situation.Status is { } status)
        {
            MoveTo(status, context);
        }
        if (context.VersionAgainst(VictimsVersion) > VictimsVersion)
        {
            Scale = situation.Scale ?? Scale;
            Count(situation.Triage, situation.Evacuation, context);
            if (place is not null && Latitude is null)
            {
                PlaceAt(place);
            }
        }
        foreach (var mission in situation.Missions)
        {
            _missions.RemoveAll(m => m.MissionId == mission.MissionId);
            _missions.Add(mission);
        }
        foreach (var resource in situation.Resources)
        {
            Engage(resource);
        }
        Record(context, TimelineEntryKind.SituationReported, situation: new TimelineSituation(
            situation.Status, situation.Scale, situation.Triage, situation.Evacuation, situation.Missions.Count, situation.Origin));
        Announce(before, context);
        return true;
    }

    private void Count(TriageReport? triage, EvacuationReport? evacuation, MessageContext context)
    {
        if (triage is null && evacuation is null)
        {
            return;
        }
        Victims = Victims with
        {
            Red = triage?.Red ?? Victims.Red,
            Yellow = triage?.Yellow ?? Victims.Yellow,
            Green = triage?.Green ?? Victims.Green,
            Deceased = triage?.Deceased ?? Victims.Deceased,
            Missing = triage?.Missing ?? Victims.Missing,
            Evacuated = evacuation?.Evacuated ?? Victims.Evacuated,
            Displaced = evacuation?.Displaced ?? Victims.Displaced,
        };
        (VictimsAsOf, VictimsArrival) = context.VersionAgainst(VictimsVersion);
    }

    private void Engage(ResourceReport report)
    {
        var index = _resources.FindIndex(r => r.ResourceId == report.ResourceId);
        if (index < 0)
        {
            _resources.Add(new EngagedResource(report.ResourceId, report.Name, report.Kind, report.Organisation, [report.Status], report.Releases));
            NoteResourceMoved(report.ResourceId);
        }
        else
        {
            var was = _resources[index];
            _resources[index] = was.With(report.Status, report.Releases);
            if (_resources[index].Current != was.Current) NoteResourceMoved(report.ResourceId);
        }
    }
}
