using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Infrastructure.Persistence;

namespace Enki.Application.Intake;

/// <summary>
/// The incidents of one batch and what the batch did to them, applied message by message in received
/// order, each message translated into the incident's operations (<see cref="NexsisTranslation"/>).
/// </summary>
internal sealed class IntakeBatch(EnkiDbContext db, Dictionary<string, Incident> incidents, IncidentLocator locator, DateTimeOffset now)
{
    private readonly HashSet<Incident> _changed = [];
    private readonly HashSet<Incident> _created = [];
    private readonly List<InboundDistribution> _acceptedDistributions = [];

    public IEnumerable<Incident> Changed => _changed;

    public IReadOnlyCollection<string> CreatedCaseIds => _created.Select(i => i.CaseId).ToList();

    /// <summary>Applied distributions carrying a case (creation or its resend): each is owed an acknowledgement.</summary>
    public IReadOnlyList<InboundDistribution> AcceptedDistributions => _acceptedDistributions;

    public void Apply(ParsedInboxMessage message)
    {
        var row = message.Row;
        if (row.State == InboxState.Quarantined)
        {
            return; // unreadable: already quarantined with its reason
        }
        try
        {
            for (var index = 0; index < message.Messages.Count; index++)
            {
                if (!ApplyOne(message, index))
                {
                    return; // waiting or quarantined
                }
            }
            row.State = InboxState.Processed;
            row.ProcessedAt = now;
            row.Reason = null;
            if (message.Distribution is { DistributionId: not null } distribution && message.Messages.Any(m => m is CaseCreated))
            {
                _acceptedDistributions.Add(distribution);
            }
        }
        catch (IncidentChangeRefused refused)
        {
            row.Quarantine(refused.Message, $"{refused.GetType().Name} for case {row.CaseId}", now);
        }
    }

    private bool ApplyOne(ParsedInboxMessage message, int index)
    {
        var intake = message.Messages[index];
        var context = ContextOf(message, intake, index);
        switch (intake)
        {
            case CaseCreated created:
                return ApplyCreation(message, created, context);
            case ResourcesReported resources:
                return WithIncident(message, resources.CaseId,
                    incident => incident.ReportResources(NexsisTranslation.Resources(resources), context));
            case SituationUpdated situation when NexsisTranslation.IsCancellation(situation):
                return WithIncident(message, situation.CaseId, incident => incident.Cancel(context));
            case SituationUpdated situation:
                var place = NexsisTranslation.Place(situation, locator);
                var report = NexsisTranslation.Situation(situation, context.SentAt);
                return WithIncident(message, situation.CaseId, incident => incident.UpdateSituation(report, place, context));
            default:
                return true; // acknowledgements and the like: nothing to change
        }
    }

    private bool ApplyCreation(ParsedInboxMessage message, CaseCreated created, MessageContext context)
    {
        var resolution = locator.Resolve(created.Location.Stated());
        if (resolution.Place is null)
        {
            message.Row.Quarantine(resolution.Refusal!, $"caseId={created.CaseId} insee={created.Location.InseeCode} point={created.Location.Point}", now);
            return false;
        }
        if (incidents.TryGetValue(created.CaseId, out var known))
        {
            if (message.IsCancellation
                    ? known.Cancel(context)
                    : known.Requalify(NexsisTranslation.Qualification(created), resolution.Place, context))
            {
                _changed.Add(known);
            }
            return true;
        }

        var incident = Incident.Open(NexsisTranslation.Case(created), NexsisTranslation.Qualification(created), resolution.Place, context);
        incidents[incident.CaseId] = incident;
        db.Incidents.Add(incident);
        _created.Add(incident);
        _changed.Add(incident);
        return true;
    }

    private bool WithIncident(ParsedInboxMessage message, string caseId, Func<Incident, bool> apply)
    {
        if (!incidents.TryGetValue(caseId, out var incident))
        {
            // An update ahead of its case: it waits (the case's arrival wakes it, a sweep expires it).
            var row = message.Row;
            row.State = InboxState.Waiting;
            row.WaitingSince ??= now;
            row.CaseId = caseId;
            row.Reason = $"En attente de l'affaire {caseId}";
            return false;
        }
        if (message.IsCancellation ? incident.Cancel(ContextOf(message, null, 0)) : apply(incident))
        {
            _changed.Add(incident);
        }
        return true;
    }

    private MessageContext ContextOf(ParsedInboxMessage message, IntakeMessage? intake, int index)
    {
        var row = message.Row;
        // Only senders' clocks order the messages; Enki's receipt time is shown, never compared with them.
        var senderTime = SenderTime(intake, message.Distribution) ?? message.Distribution?.SentAt;
        // The payload's hash is part of the key: an EMSI reusing its CONTEXT.ID with other content is a newer state, not a replay.
        var key = $"{message.Distribution?.DistributionId}#{index}#{row.PayloadHash[..Math.Min(16, row.PayloadHash.Length)]}";
        return new MessageContext(key, (senderTime ?? row.ReceivedAt).ToUniversalTime(), row.ReceivedAt, message.IsExercise,
            message.Distribution?.SenderId ?? row.Sender, Arrival: row.Id * MessagesPerDistribution + index,
            HasSenderClock: senderTime is not null);
    }

    /// <summary>Room for the messages of one distribution in the arrival order (a distribution carries a handful).</summary>
    private const long MessagesPerDistribution = 1024;

    /// <summary>The message's own clock when it has one: EMSI carries its creation time; a bare case, its creation.</summary>
    private static DateTimeOffset? SenderTime(IntakeMessage? intake, InboundDistribution? distribution) => intake switch
    {
        SituationUpdated situation => situation.CreatedAt,
        CaseCreated created => distribution?.SentAt ?? created.CreatedAt,
        _ => null,
    };
}
