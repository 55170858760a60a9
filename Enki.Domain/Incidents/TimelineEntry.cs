namespace Enki.Domain.Incidents;

/// <summary>
/// One message that touched the incident: what it did, in structured form (the screens put it into
/// words). <see cref="MessageKey"/> identifies the message so that the same message applied twice has
/// one effect.
/// </summary>
/// <param name="At">The sender's time of the message.</param>
/// <param name="Qualification">For an opening or a requalification: the nature and the commune.</param>
/// <param name="Resources">For resources reported: each resource's new status.</param>
/// <param name="Situation">For a situation reported: what it said.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    DateTimeOffset ReceivedAt,
    TimelineEntryKind Kind,
    string MessageKey,
    TimelineQualification? Qualification = null,
    IReadOnlyList<TimelineResourceMove>? Resources = null,
    TimelineSituation? Situation = null);

public enum TimelineEntryKind
{
    Opened,
    Requalified,
    /// <summary>A creation message older than what the incident knows: kept in the history, nothing changed.</summary>
    OlderCreationKept,
    /// <summary>The sender cancelled the case.</summary>
    Cancelled,
    ResourcesReported,
    SituationReported,
}

public sealed record TimelineQualification(string NatureLabel, string CommuneName);

/// <summary>A resource reached a status at a time.</summary>
public sealed record TimelineResourceMove(string Name, string StatusLabel, DateTimeOffset At);

/// <param name="MissionCount">Missions the report carried.</param>
public sealed record TimelineSituation(
    IncidentStatus? Status, int? Scale, TriageReport? Triage, EvacuationReport? Evacuation, int MissionCount, string? Origin);
