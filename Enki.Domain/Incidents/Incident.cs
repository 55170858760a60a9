using Enki.Domain.Access;

namespace Enki.Domain.Incidents;

/// <summary>
/// An incident (affaire) reported by NexSIS, one per case id. It changes only through the messages
/// that concern it, translated by the intake into the operations below, each applied once and in the order of the senders' clocks (never Enki's): a
/// message older than what the incident already knows about an aspect (qualification, status,
/// victims, a resource's status) does not overwrite it, but still appears in the timeline. Between
/// two senders the later sender time wins; equal times keep the arrival order.
/// </summary>
public sealed partial class Incident : Events.EventSource, ILocatedInTerritory
{
    private readonly List<EngagedResource> _resources = [];
    private readonly List<IncidentMission> _missions = [];
    private readonly List<TimelineEntry> _timeline = [];

    private Incident()
    {
        // For the store.
        CaseId = NatureCode = NatureLabel = NatureFamily = null!;
        CommuneCode = CommuneName = DepartmentCode = ZoneCode = null!;
        Victims = IncidentVictims.None;
    }

    public Guid Id { get; private set; }

    /// <summary>Shared case id, <c>{country}.{domain}.{organisation}.{sender case id}</c>.</summary>
    public string CaseId { get; private set; }

    public string? SenderCaseId { get; private set; }

    public string? SenderOrganisation { get; private set; }

    public string NatureCode { get; private set; }

    public string NatureLabel { get; private set; }

    /// <summary>Nature family <c>C01</c>..<c>C11</c>, from the code's first characters (also for a code the list lacks).</summary>
    public string NatureFamily { get; private set; }

    /// <summary>The sender's own label, kept when the code is missing from the embedded list or when it disagrees with ours.</summary>
    public string? NatureLabelAsSent { get; private set; }

    /// <summary>The code is missing from the embedded list (another version of the nomenclature): <see cref="NatureLabel"/> is the sender's.</summary>
    public bool NatureCodeUnknown { get; private set; }

    /// <summary>The code is known but the sender's label says something else: both are shown, flagged.</summary>
    public bool NatureLabelDisagrees => !NatureCodeUnknown && NatureLabelAsSent is not null;

    public string? LocationKindLabel { get; private set; }

    public IncidentStatus Status { get; private set; }

    /// <summary>Exercise or test traffic: shown apart, never in real counters.</summary>
    public bool IsExercise { get; private set; }

    // The place is kept as plain columns: the jurisdiction filter and the indexes work on them.
    /// <summary>INSEE code of the commune.</summary>
    public string CommuneCode { get; private set; }

    public string CommuneName { get; private set; }

    public string DepartmentCode { get; private set; }

    /// <summary>Defence zone; empty for the overseas collectivities outside the zone table.</summary>
    public string ZoneCode { get; private set; }


    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? Address { get; private set; }

    /// <summary>Why the place differs from what the message said, in French.</summary>
    public string? LocationDiscrepancy { get; private set; }

    public IncidentPlace Place => new(CommuneCode, CommuneName, DepartmentCode, ZoneCode, Latitude, Longitude, Address, LocationDiscrepancy);

    public IncidentVictims Victims { get; private set; }

    /// <summary>Scale 1-5 of the event, when a partner gave one.</summary>
    public int? Scale { get; private set; }

    /// <summary>Caller's personal data: shown only to the profiles that need it.</summary>
    public CallerContact? Caller { get; private set; }

    /// <summary>When the case was created at the sender.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When it happened: the case's creation time in the message (a time ahead of its reception is
    /// brought back to the reception, <see cref="OpenedAtClamped"/>). « New in the last hour » and the
    /// hourly chart count from here.
    /// </summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The message put the case's creation after Enki received it: <see cref="OpenedAt"/> is the reception.</summary>
    public bool OpenedAtClamped { get; private set; }

    /// <summary>When Enki received the case (its own clock).</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>How long NexSIS took to pass the case on: from its opening to its reception by Enki.</summary>
    public TimeSpan ReceptionDelay => ReceivedAt - OpenedAt;

    /// <summary>Beyond this delay NexSIS is lagging, and the incident says so.</summary>
    public static readonly TimeSpan LagThreshold = TimeSpan.FromMinutes(5);

    public bool ReceivedLate => ReceptionDelay > LagThreshold;

    /// <summary>When Enki last received something that changed it.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset QualificationAsOf { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    public DateTimeOffset VictimsAsOf { get; private set; }

    // Arrival order of the message each aspect comes from: breaks ties between equal sender times.
    public long QualificationArrival { get; private set; }

    public long StatusArrival { get; private set; }

    public long VictimsArrival { get; private set; }

    private AspectVersion QualificationVersion => new(QualificationAsOf, QualificationArrival);

    private AspectVersion StatusVersion => new(StatusAsOf, StatusArrival);

    private AspectVersion VictimsVersion => new(VictimsAsOf, VictimsArrival);

    /// <summary>Resources currently engaged (not back at base), kept as a column for counters.</summary>
    public int EngagedResourceCount { get; private set; }

    public IReadOnlyList<EngagedResource> Resources => _resources;

    public IReadOnlyList<IncidentMission> Missions => _missions;

    /// <summary>Every message that touched the incident, in the order received.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public bool HasApplied(string messageKey) => _timeline.Any(t => t.MessageKey == messageKey);

    /// <summary>Opens the incident from its creation message.</summary>
    public static Incident Open(IncidentCase @case, IncidentQualification qualification, IncidentPlace place, MessageContext context)
    {
        var createdAt = @case.CreatedAt.ToUniversalTime();
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(context.ReceivedAt),
            CaseId = @case.CaseId,
            SenderCaseId = @case.SenderCaseId,
            SenderOrganisation = context.Sender,
            Status = IncidentStatus.Reported,
            IsExercise = context.IsExercise,
            CreatedAt = createdAt,
            ReceivedAt = context.ReceivedAt.ToUniversalTime(),
            // « Signalé » holds from the case's creation at its sender: any later sender time moves it on.
            StatusAsOf = createdAt,
            StatusArrival = context.Arrival,
            VictimsAsOf = AspectVersion.None.At,
            VictimsArrival = AspectVersion.None.Arrival,
            QualificationAsOf = AspectVersion.None.At,
            QualificationArrival = AspectVersion.None.Arrival,
        };
        incident.TimeOpening(@case.CreatedAt == default ? context.SentAt : createdAt);
        incident.Qualify(qualification, place, context);
        incident.Record(context, TimelineEntryKind.Opened, qualification: new(incident.NatureLabel, place.CommuneName));
        incident.AnnounceOpening(context);
        return incident;
    }

    /// <summary>A creation message for a case already known: the newer qualification wins, an older one stays in the history.</summary>
    public bool Requalify(IncidentQualification qualification, IncidentPlace place, MessageContext context)
    {
        if (HasApplied(context.MessageKey))
        {
            return false;
        }
        var before = Before();
        if (context.VersionAgainst(QualificationVersion) > QualificationVersion)
        {
            Qualify(qualification, place, context);
            Record(context, TimelineEntryKind.Requalified, qualification: new(NatureLabel, place.CommuneName));
        }
        else
        {
            Record(context, TimelineEntryKind.OlderCreationKept);
        }
        Announce(before, context);
        return true;
    }

    /// <summary>The sender cancelled the case.</summary>
    public bool Cancel(MessageContext context)
    {
        if (HasApplied(context.MessageKey))
        {
            return false;
        }
        var before = Before();
        MoveTo(IncidentStatus.Cancelled, context);
        Record(context, TimelineEntryKind.Cancelled);
        Announce(before, context);
        return true;
    }

    private void Qualify(IncidentQualification qualification, IncidentPlace place, MessageContext context)
    {
        var nature = qualification.Nature;
        (NatureCode, NatureLabel, NatureFamily) = (nature.Code, nature.Label, nature.Family);
        (NatureLabelAsSent, NatureCodeUnknown) = (nature.LabelAsSent, nature.CodeUnknown);
        LocationKindLabel = qualification.LocationKindLabel;
        PlaceAt(place);
        Caller = qualification.Caller ?? Caller;
        (QualificationAsOf, QualificationArrival) = context.VersionAgainst(QualificationVersion);
        if (qualification.VictimEstimate is { } estimate && VictimsVersion == AspectVersion.None)
        {
            // Words only until a partner counts by triage colour.
            Victims = Victims with { Estimate = estimate };
        }
    }

    /// <summary>Senders' clocks may run ahead: a creation in the future is brought back to the reception, and flagged.</summary>
    private void TimeOpening(DateTimeOffset createdAt)
    {
        OpenedAtClamped = createdAt > ReceivedAt;
        OpenedAt = OpenedAtClamped ? ReceivedAt : createdAt;
    }

    private void PlaceAt(IncidentPlace place)
    {
        (CommuneCode, CommuneName, DepartmentCode, ZoneCode) = (place.CommuneCode, place.CommuneName, place.DepartmentCode, place.ZoneCode);
        (Latitude, Longitude, Address, LocationDiscrepancy) = (place.Latitude, place.Longitude, place.Address, place.Discrepancy);
    }

    private void MoveTo(IncidentStatus target, MessageContext context)
    {
        var version = context.VersionAgainst(StatusVersion);
        // A cancellation ends the case whatever its time: a cancelled case never comes back.
        if (version <= StatusVersion && target != IncidentStatus.Cancelled)
        {
            return; // older: kept in the history only
        }
        if (target != Status)
        {
            IncidentLifecycle.EnsureCanMove(CaseId, Status, target);
            Status = target;
        }
        if (version > StatusVersion)
        {
            // Also for the same status: a newer confirmation moves the clock, so an older change cannot win afterwards.
            (StatusAsOf, StatusArrival) = version;
        }
    }

    private void Record(
        MessageContext context, TimelineEntryKind kind, TimelineQualification? qualification = null,
        IReadOnlyList<TimelineResourceMove>? resources = null, TimelineSituation? situation = null)
    {
        _timeline.Add(new TimelineEntry(context.SentAt, context.ReceivedAt, kind, context.MessageKey, qualification, resources, situation));
        UpdatedAt = context.ReceivedAt;
        EngagedResourceCount = _resources.Count(r => !r.IsReleased);
    }
}
