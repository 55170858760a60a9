using System.Globalization;
using Enki.Domain.Intake;

namespace Enki.Domain.Incidents;

public sealed partial class Incident
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>RC-RI: resources engaged and their status changes.</summary>
    public bool Apply(ResourcesReported report, MessageContext context)
    {
        if (HasApplied(context.MessageKey))
        {
            return false;
        }
        var before = Before();
        var lines = new List<string>();
        foreach (var reported in report.Resources)
        {
            var change = new ResourceStatusChange(
                reported.State.StatusCode, reported.State.StatusLabel ?? reported.State.StatusCode, reported.State.ChangedAt);
            Engage(reported.ResourceId, reported.Name ?? reported.ResourceId, reported.VehicleType, reported.OrganisationId, change);
            lines.Add($"{reported.Name ?? reported.ResourceId} : {change.Label} ({change.At.ToString("HH:mm", French)})");
        }
        Record(context, "Moyens", "Moyens : " + string.Join(" ; ", lines));
        Announce(before, context);
        return true;
    }

    /// <summary>EMSI: status, scale, victims by triage colour, missions and resources.</summary>
    /// <param name="place">The place resolved from the EMSI position, when it carries one.</param>
    public bool Apply(SituationUpdated situation, IncidentPlace? place, MessageContext context)
    {
        if (HasApplied(context.MessageKey))
        {
            return false;
        }
        if (string.Equals(situation.MessageType, "CANCEL", StringComparison.OrdinalIgnoreCase))
        {
            return Cancel(context);
        }

        var before = Before();
        if (situation.Status is { } status)
        {
            MoveTo(StatusOf(status), context);
        }
        if (context.VersionAgainst(VictimsVersion) > VictimsVersion)
        {
            Scale = situation.Scale ?? Scale;
            ApplyCounts(situation, context);
            if (place is not null && Latitude is null)
            {
                PlaceAt(place);
            }
        }
        foreach (var mission in situation.Missions)
        {
            _missions.RemoveAll(m => m.MissionId == mission.Id);
            _missions.Add(new IncidentMission(mission.Id, mission.Type, mission.TypeLabel, mission.Name, mission.Status,
                mission.OrganisationId, mission.StartAt, mission.EndAt));
        }
        foreach (var resource in situation.Resources)
        {
            Engage(resource.Id, resource.Name, resource.Classes.FirstOrDefault(), resource.OrganisationId,
                new ResourceStatusChange(resource.Status, resource.StatusLabel ?? resource.Status, context.SentAt));
        }
        Record(context, "Point de situation", SituationSummary(situation));
        Announce(before, context);
        return true;
    }

    private void ApplyCounts(SituationUpdated situation, MessageContext context)
    {
        // The latest count of each kind is the current one.
        var triage = situation.Casualties.OrderBy(c => c.CountedAt).LastOrDefault();
        var evacuation = situation.Evacuations.OrderBy(e => e.CountedAt).LastOrDefault();
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

    private void Engage(string resourceId, string name, string? kind, string? organisation, ResourceStatusChange change)
    {
        var index = _resources.FindIndex(r => r.ResourceId == resourceId);
        if (index < 0)
        {
            _resources.Add(new EngagedResource(resourceId, name, kind, organisation, [change]));
            NoteResourceMoved(resourceId);
        }
        else
        {
            var was = _resources[index];
            _resources[index] = was.With(change);
            if (_resources[index].Current != was.Current) NoteResourceMoved(resourceId);
        }
    }

    private static IncidentStatus StatusOf(EmsiEventStatus status) => status switch
    {
        EmsiEventStatus.NotStarted => IncidentStatus.Reported,
        EmsiEventStatus.InProgress => IncidentStatus.InProgress,
        EmsiEventStatus.Stopped => IncidentStatus.Suspended,
        EmsiEventStatus.Completed => IncidentStatus.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string SituationSummary(SituationUpdated situation)
    {
        var parts = new List<string>();
        if (situation.Status is { } status)
        {
            parts.Add(StatusOf(status).French());
        }
        if (situation.Scale is { } scale)
        {
            parts.Add($"échelle {scale}");
        }
        if (situation.Casualties.OrderBy(c => c.CountedAt).LastOrDefault() is { } t)
        {
            parts.Add($"victimes UA {t.Red ?? 0}, UR {t.Yellow ?? 0}, impliqués {t.Green ?? 0}, décédés {t.Black ?? 0}");
        }
        if (situation.Evacuations.OrderBy(e => e.CountedAt).LastOrDefault() is { } e)
        {
            parts.Add($"évacués {e.Evacuated ?? 0}, déplacés {e.Displaced ?? 0}");
        }
        if (situation.Missions.Count > 0)
        {
            parts.Add($"{situation.Missions.Count} mission(s)");
        }
        var origin = situation.OriginName ?? situation.OriginOrganisationId;
        var text = parts.Count == 0 ? "Point de situation" : "Point de situation : " + string.Join(", ", parts);
        return origin is null ? text : $"{text} ({origin})";
    }
}
