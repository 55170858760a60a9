using Enki.Domain.Access;

namespace Enki.Domain.Mobilisation;

/// <summary>
/// A request from a crisis service (SDIS, préfecture, COZ, COGIC) to a commune to provide a resource
/// or take a measure. It moves only through <see cref="MobilisationLifecycle"/>; every move is kept in
/// <see cref="History"/> and changes <see cref="Version"/>, the optimistic concurrency token.
/// Located at its recipient, so the jurisdiction filter gives a commune its inbox.
/// </summary>
public sealed class MobilisationRequest : Events.EventSource, ILocatedInTerritory
{
    private readonly List<MobilisationStep> _history = [];
    private List<Guid> _incidentIds = [];

    private MobilisationRequest()
    {
        // For the store.
        Object = ResourceKind = PlaceText = IssuerId = IssuerName = IssuerJurisdiction = RecipientCode = RecipientName = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Changes with every transition; a write based on an older value is refused.</summary>
    public Guid Version { get; private set; }

    public string Object { get; private set; }

    public string? Detail { get; private set; }

    public string ResourceKind { get; private set; }

    public int? Quantity { get; private set; }

    public string? Unit { get; private set; }

    public string PlaceText { get; private set; }

    public string? PlaceCommune { get; private set; }

    public MobilisationPriority Priority { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public Guid? CrisisId { get; private set; }

    public IReadOnlyList<Guid> IncidentIds => _incidentIds;

    public string IssuerId { get; private set; }

    public string IssuerName { get; private set; }

    public string? IssuerOrganisation { get; private set; }

    public Profile? IssuerProfile { get; private set; }

    /// <summary>Text form of the issuer's jurisdiction (<c>departement:77</c>).</summary>
    public string IssuerJurisdiction { get; private set; }

    public RecipientKind RecipientKind { get; private set; }

    public string RecipientCode { get; private set; }

    /// <summary>The recipient in words (« Chelles (77108) »), fixed at issue.</summary>
    public string RecipientName { get; private set; }

    public MobilisationRecipient Recipient => new(RecipientKind, RecipientCode);

    public string? CommuneCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? ZoneCode { get; private set; }

    public MobilisationStatus Status { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the issuer was told the deadline passed: set once, never twice.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }

    public IReadOnlyList<MobilisationStep> History => _history;

    public string? RefusalReason => _history.LastOrDefault(s => s.Action == MobilisationAction.Refuse)?.Reason;

    public bool IsOverdue(DateTimeOffset now) => Deadline < now && !Status.IsClosed();

    /// <summary>A new request; <see cref="MobilisationDraftRules.Validate"/> must have passed.</summary>
    /// <exception cref="MobilisationRefused">The draft is not valid.</exception>
    public static MobilisationRequest Issue(MobilisationDraft draft, Viewer issuer, string? issuerOrganisation,
        ITerritoryDirectory directory, DateTimeOffset now)
    {
        var errors = MobilisationDraftRules.Validate(draft, issuer, directory, now);
        if (errors.Count > 0) throw new MobilisationRefused(string.Join(" ", errors));
        var recipient = MobilisationRecipient.Commune(draft.RecipientCommune);
        var territory = Territory.Of(Jurisdiction.Commune(recipient.Code), directory);
        var request = new MobilisationRequest
        {
            Id = Guid.NewGuid(),
            Version = Guid.NewGuid(),
            Object = draft.Object.Trim(),
            Detail = string.IsNullOrWhiteSpace(draft.Detail) ? null : draft.Detail.Trim(),
            ResourceKind = draft.ResourceKind.Trim(),
            Quantity = draft.Quantity,
            Unit = string.IsNullOrWhiteSpace(draft.Unit) ? null : draft.Unit.Trim(),
            PlaceText = draft.PlaceText.Trim(),
            PlaceCommune = string.IsNullOrWhiteSpace(draft.PlaceCommune) ? null : draft.PlaceCommune.Trim(),
            Priority = draft.Priority,
            Deadline = draft.Deadline!.Value.ToUniversalTime(),
            CrisisId = draft.CrisisId,
            _incidentIds = [.. draft.IncidentIds.Distinct()],
            IssuerId = issuer.Id,
            IssuerName = issuer.Name,
            IssuerOrganisation = issuerOrganisation,
            IssuerProfile = issuer.Profile,
            IssuerJurisdiction = issuer.Jurisdiction.ToString(),
            RecipientKind = recipient.Kind,
            RecipientCode = recipient.Code,
            RecipientName = directory.Describe(Jurisdiction.Commune(recipient.Code)),
            CommuneCode = territory.CommuneCode,
            DepartmentCode = territory.DepartmentCode,
            ZoneCode = territory.ZoneCode,
            Status = MobilisationStatus.Issued,
            IssuedAt = now,
            UpdatedAt = now,
        };
        request.Record(new MobilisationRequestIssued(request.Subject, request.Status, issuer.Name, now));
        return request;
    }

    /// <summary>Moves the request along the table, recording who and when.</summary>
    /// <exception cref="MobilisationRefused">Wrong status, wrong person or missing reason.</exception>
    public MobilisationStep Apply(MobilisationAction action, Viewer actor, DateTimeOffset at, string? reason = null)
    {
        // The person first: telling a stranger about the state would say more than they may know.
        var party = MobilisationLifecycle.PartyOf(action);
        if (!AccessPolicy.MayTake(actor, this, action))
        {
            throw new MobilisationRefused(party == MobilisationParty.Recipient
                ? "Seul le destinataire de la demande peut faire cela."
                : "Seul l'émetteur de la demande peut l'annuler.");
        }
        var transition = MobilisationLifecycle.Find(Status, action)
            ?? throw new MobilisationRefused(
                $"Impossible : une demande « {Status.French()} » ne peut pas faire l'objet d'une {action.French().ToLowerInvariant()}.");
        if (action == MobilisationAction.Refuse && string.IsNullOrWhiteSpace(reason))
        {
            throw new MobilisationRefused("Le motif du refus est obligatoire.");
        }
        var step = new MobilisationStep(Status, action, transition.To, actor.Id, actor.Name, at,
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        _history.Add(step);
        Status = transition.To;
        UpdatedAt = at;
        Version = Guid.NewGuid();
        Record(new MobilisationRequestMoved(Subject, Status, actor.Name, at, action, step.From, step.Reason));
        return step;
    }

    /// <summary>Records that the issuer was told about the passed deadline; false when already done or not overdue.</summary>
    public bool MarkOverdueNotified(DateTimeOffset now)
    {
        if (OverdueNotifiedAt is not null || !IsOverdue(now)) return false;
        // Not a transition: the version stays, so a person acting at the same moment is not refused.
        OverdueNotifiedAt = now;
        Record(new MobilisationRequestOverdue(Subject, Status, "Enki", now));
        return true;
    }

    private MobilisationSubject Subject => new(Id, Object, Recipient, RecipientName, IssuerId, IssuerProfile, IssuerJurisdiction, CrisisId,
        CommuneCode, DepartmentCode, ZoneCode);
}
