using Enki.Domain.Access;

namespace Enki.Domain.Mobilisation;

/// <summary>What an issuer fills in; checked by <see cref="MobilisationDraftRules"/> before a request exists.</summary>
public sealed record MobilisationDraft
{
    public string Object { get; init; } = "";

    public string? Detail { get; init; }

    public string ResourceKind { get; init; } = "";

    /// <summary>Null when the resource is not counted (« fermeture de route »).</summary>
    public int? Quantity { get; init; }

    /// <summary>What the quantity counts (« personnes »); optional.</summary>
    public string? Unit { get; init; }

    public string PlaceText { get; init; } = "";

    public string? PlaceCommune { get; init; }

    public MobilisationPriority Priority { get; init; } = MobilisationPriority.Normal;

    public DateTimeOffset? Deadline { get; init; }

    public Guid? CrisisId { get; init; }

    public IReadOnlyList<Guid> IncidentIds { get; init; } = [];

    /// <summary>INSEE code of the commune the request is addressed to.</summary>
    public string RecipientCommune { get; init; } = "";
}

/// <summary>What a valid request needs (who may issue is the access policy's); every message is French, for the form.</summary>
public static class MobilisationDraftRules
{
    public static IReadOnlyList<string> Validate(MobilisationDraft draft, Viewer issuer, ITerritoryDirectory directory, DateTimeOffset now)
    {
        var errors = new List<string>();
        if (!AccessPolicy.MayIssueRequests(issuer))
        {
            errors.Add("Votre profil ne permet pas d'émettre une demande de mobilisation.");
            return errors;
        }
        if (string.IsNullOrWhiteSpace(draft.Object)) errors.Add("L'objet de la demande est obligatoire.");
        if (string.IsNullOrWhiteSpace(draft.ResourceKind)) errors.Add("La nature du moyen demandé est obligatoire.");
        if (draft.Quantity is <= 0) errors.Add("La quantité doit être supérieure à zéro.");
        if (string.IsNullOrWhiteSpace(draft.PlaceText)) errors.Add("Le lieu est obligatoire.");
        if (draft.Deadline is not { } deadline) errors.Add("L'échéance est obligatoire.");
        else if (deadline <= now) errors.Add("L'échéance doit être dans le futur.");
        var recipient = draft.RecipientCommune?.Trim() ?? "";
        if (recipient.Length == 0 || !directory.CommuneExists(recipient))
        {
            errors.Add("Choisissez la commune destinataire.");
        }
        else if (!issuer.Jurisdiction.Includes(Jurisdiction.Commune(recipient), directory))
        {
            errors.Add("La commune destinataire est hors de votre périmètre.");
        }
        if (!string.IsNullOrWhiteSpace(draft.PlaceCommune) && !directory.CommuneExists(draft.PlaceCommune.Trim()))
        {
            errors.Add("La commune du lieu est inconnue.");
        }
        return errors;
    }
}
