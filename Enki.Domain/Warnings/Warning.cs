using Enki.Domain.Events;

namespace Enki.Domain.Warnings;

/// <summary>
/// A warning raised by a rule on one event of the stream: its recipients, a delivery per person and
/// channel, and one acknowledgement for the whole warning (anyone of the organisation may give it).
/// Unacknowledged past its delay, it escalates along the owner's list, one step at a time.
/// </summary>
public sealed class Warning : EventSource
{
    private readonly List<WarningDelivery> _deliveries = [];

    private Warning() { }

    public Guid Id { get; private set; }

    public Guid RuleId { get; private set; }

    /// <summary>Changed by each acknowledgement and escalation: of two at once, the second is refused and looks again.</summary>
    public Guid Version { get; private set; }

    public string RuleName { get; private set; } = "";

    public WarningRuleKind Kind { get; private set; }

    public WarningOwnerKind OwnerKind { get; private set; }

    /// <summary>The owning organisation's key (<c>commune:77108#Maire</c>) or person's account id.</summary>
    public string OwnerCode { get; private set; } = "";

    /// <summary>The stream event that raised it: with the rule, what makes raising idempotent.</summary>
    public long CauseSequence { get; private set; }

    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public bool Urgent { get; private set; }

    public WarningSubjectKind SubjectKind { get; private set; }

    public Guid? SubjectId { get; private set; }

    public string? CommuneCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? ZoneCode { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public TimeSpan? EscalationDelay { get; private set; }

    /// <summary>Escalation steps reached so far.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>When it escalates next if still unacknowledged; null: never (acknowledged, not urgent, or the list exhausted).</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedById { get; private set; }

    public string? AcknowledgedByName { get; private set; }

    public IReadOnlyList<WarningRecipient> Recipients { get; private set; } = [];

    public IReadOnlyList<WarningDelivery> Deliveries => _deliveries;

    public bool IsAcknowledged => AcknowledgedAt is not null;

    private WarningSubject Subject => new(Id, Title, Urgent, OwnerCode, CommuneCode, DepartmentCode, ZoneCode);

    /// <summary>Raises the warning a rule drafted, for the owner's accounts over the given channels (quiet hours hold back those that interrupt).</summary>
    /// <param name="urgentEscalation">The delay of an urgent rule that sets none (<see cref="WarningRule.DefaultUrgentEscalation"/> by default).</param>
    public static Warning Raise(
        WarningDraft draft, long causeSequence, string ownerName, IReadOnlyList<WarningAccount> accounts, IReadOnlyList<ChannelSpec> channels,
        DateTimeOffset now, TimeSpan? urgentEscalation = null)
    {
        var rule = draft.Rule;
        var warning = new Warning
        {
            Id = Guid.NewGuid(), Version = Guid.NewGuid(), RuleId = rule.Id, RuleName = rule.Name, Kind = rule.Kind, OwnerKind = rule.Owner.Kind, OwnerCode = rule.Owner.Code,
            CauseSequence = causeSequence, Title = draft.Title, Detail = draft.Detail, Urgent = rule.Urgent, SubjectKind = draft.SubjectKind,
            SubjectId = draft.SubjectId, CommuneCode = draft.Place.CommuneCode, DepartmentCode = draft.Place.DepartmentCode,
            ZoneCode = draft.Place.ZoneCode, OccurredAt = draft.OccurredAt, RaisedAt = now,
            EscalationDelay = rule.EscalationDelayWith(urgentEscalation ?? WarningRule.DefaultUrgentEscalation),
        };
        warning.Recipients = [new WarningRecipient(rule.Owner.Kind, rule.Owner.Code, ownerName, 0, now)];
        warning.AddDeliveries(accounts, channels, level: 0);
        warning.NextEscalationAt = now + warning.EscalationDelay;
        warning.Record(new WarningRaised(warning.Subject, now, causeSequence, rule.Id));
        return warning;
    }

    private void AddDeliveries(IReadOnlyList<WarningAccount> accounts, IReadOnlyList<ChannelSpec> channels, int level)
    {
        foreach (var account in accounts.DistinctBy(a => a.UserId))
        {
            var mayInterrupt = QuietHours.MayInterrupt(account.Quiet, Urgent, account.LocalNow ?? RaisedAt);
            foreach (var channel in channels.Where(c => (mayInterrupt || !c.Interrupts) && account.Unreachable?.Contains(c.Channel) != true))
            {
                if (_deliveries.Any(d => d.UserId == account.UserId && d.Channel == channel.Channel)) continue;
                _deliveries.Add(new WarningDelivery(Id, account, channel.Channel, level, silent: !mayInterrupt));
            }
        }
    }

    public WarningDelivery Delivery(Guid deliveryId) =>
        _deliveries.FirstOrDefault(d => d.Id == deliveryId) ?? throw new WarningRefused("Remise inconnue pour cet avertissement.");

    /// <summary>The channel took the delivery: envoyée.</summary>
    public void MarkSent(Guid deliveryId, DateTimeOffset at)
    {
        var delivery = Delivery(deliveryId);
        delivery.Move(DeliveryAction.Send, at);
        Record(new WarningDelivered(Subject, at, delivery.UserId, delivery.Channel, delivery.Silent));
    }

    /// <summary>The channel did not take it: échec, tried again after <see cref="DeliveryRetry.Delay"/>, abandoned after <see cref="DeliveryRetry.MaxAttempts"/>.</summary>
    public void MarkFailed(Guid deliveryId, string error, DateTimeOffset at)
    {
        var delivery = Delivery(deliveryId);
        delivery.Move(DeliveryAction.Fail, at, error);
        if (delivery.Attempts >= DeliveryRetry.MaxAttempts) delivery.Move(DeliveryAction.GiveUp, at);
    }

    /// <summary>The person's open app showed it (reçue), or they opened it (lue); steps already taken are left as they are.</summary>
    public void Seen(string userId, DeliveryAction action, DateTimeOffset at)
    {
        if (action is not (DeliveryAction.Receive or DeliveryAction.Read)) throw new ArgumentOutOfRangeException(nameof(action));
        foreach (var delivery in _deliveries.Where(d => d.UserId == userId && d.Channel == WarningChannel.InApp && d.Can(action)))
        {
            delivery.Move(action, at);
        }
    }

    /// <summary>Whether a person may see and acknowledge it: one of its recipients, or of a recipient organisation.</summary>
    public bool IsAddressedTo(string userId, string organisationKey) =>
        _deliveries.Any(d => d.UserId == userId)
        || Recipients.Any(r => r.Kind == WarningOwnerKind.Organisation ? r.Code == organisationKey : r.Code == userId);

    /// <summary>Acknowledges the whole warning for everyone: escalation stops. Refused when already done or when not addressed to the person.</summary>
    public void Acknowledge(string userId, string userName, string organisationKey, DateTimeOffset at)
    {
        if (!IsAddressedTo(userId, organisationKey)) throw new WarningRefused("Cet avertissement ne vous est pas adressé.");
        if (AcknowledgedAt is { } done) throw new WarningRefused($"Déjà acquitté par {AcknowledgedByName} ({done:HH:mm} UTC).");
        Version = Guid.NewGuid();
        AcknowledgedAt = at;
        AcknowledgedById = userId;
        AcknowledgedByName = userName;
        NextEscalationAt = null;
        foreach (var delivery in _deliveries.Where(d => d.UserId == userId && d.Can(DeliveryAction.Acknowledge)))
        {
            delivery.Move(DeliveryAction.Acknowledge, at);
        }
        Record(new WarningAcknowledged(Subject, at, userId, userName));
    }

    public bool EscalationDue(DateTimeOffset now) => AcknowledgedAt is null && NextEscalationAt is { } due && due <= now;

    /// <summary>
    /// Takes the next step of the owner's escalation list when it is due: its accounts get the warning
    /// too, and the next step waits another delay. Returns the step taken, null when none was due or
    /// the list is exhausted (escalation then stops).
    /// </summary>
    public EscalationStep? Escalate(
        EscalationList list, Func<EscalationStep, IReadOnlyList<WarningAccount>> accountsOf, IReadOnlyList<ChannelSpec> channels, DateTimeOffset now)
    {
        if (!EscalationDue(now)) return null;
        if (EscalationLevel >= list.Steps.Count)
        {
            NextEscalationAt = null;
            return null;
        }
        var step = list.Steps[EscalationLevel];
        Version = Guid.NewGuid();
        EscalationLevel++;
        Recipients = [.. Recipients, new WarningRecipient(step.Kind, step.Code, step.Name, EscalationLevel, now)];
        AddDeliveries(accountsOf(step), channels, EscalationLevel);
        NextEscalationAt = EscalationLevel < list.Steps.Count ? now + EscalationDelay : null;
        Record(new WarningEscalated(Subject, now, EscalationLevel, step.Name));
        return step;
    }
}
