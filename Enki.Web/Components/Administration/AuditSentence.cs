using Enki.Domain.Audit;
using Enki.Infrastructure.Audit;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Indicators.Pins;
using Enki.Domain.Mobilisation;
using Enki.Domain.Warnings;

namespace Enki.Web.Components.Administration;

/// <summary>
/// A journal entry as a French sentence: « Préfecture de Seine-et-Marne a ouvert la crise « Crue de la Marne » ».
/// Verbs in the passé composé with « a », which never agrees with the person: right for everyone.
/// </summary>
public static class AuditSentence
{
    private const string MobilisationPrefix = "mobilisation:";

    private static readonly IReadOnlyDictionary<string, Func<string, string?, string>> Sentences =
        new Dictionary<string, Func<string, string?, string>>
        {
            [AuditActions.SignIn] = (who, _) => $"{who} a ouvert une session",
            [AuditActions.SignInFailed] = (_, what) => $"Connexion refusée pour l'identifiant {Quoted(what)}",
            [AuditActions.LockedOut] = (_, what) => $"Le compte {Quoted(what)} a été verrouillé après trop d'échecs de connexion",
            [AuditActions.SignOut] = (who, _) => $"{who} a fermé sa session",
            [AuditActions.Invitation] = (who, what) => $"{who} a invité {Quoted(what)}",
            [AuditActions.InvitationAccepted] = (who, _) => $"{who} a accepté son invitation et créé son mot de passe",
            [AuditActions.AccessChanged] = (who, what) => $"{who} a modifié le profil ou le périmètre du compte {Quoted(what)}",
            [AuditActions.Disabled] = (who, what) => $"{who} a désactivé le compte {Quoted(what)}",
            [AuditActions.Enabled] = (who, what) => $"{who} a réactivé le compte {Quoted(what)}",
            [AuditActions.ExternalRefused] = (_, what) => $"Connexion externe refusée pour {Quoted(what)} (aucun compte actif avec cette adresse)",
            [AuditActions.NexsisReprocessed] = (who, what) => $"{who} a remis en traitement le {what ?? "message NexSIS"}",
            [DirectoryAuditActions.OrganisationCreated] = (who, what) => $"{who} a ajouté l'organisation {Quoted(what)} à l'annuaire",
            [DirectoryAuditActions.OrganisationUpdated] = (who, what) => $"{who} a modifié l'organisation {Quoted(what)} dans l'annuaire",
            [DirectoryAuditActions.ContactAdded] = (who, what) => $"{who} a ajouté un contact à l'organisation {Quoted(what)}",
            [DirectoryAuditActions.ContactUpdated] = (who, what) => $"{who} a modifié un contact de l'organisation {Quoted(what)}",
            [DirectoryAuditActions.ContactRemoved] = (who, what) => $"{who} a retiré un contact de l'organisation {Quoted(what)}",
            [DirectoryAuditActions.Imported] = (who, what) => $"{who} a importé l'organisation {Quoted(what)} depuis un fichier CSV",
            [MobilisationAuditActions.Issued] = (who, _) => $"{who} a émis une demande de mobilisation",
            [MobilisationAuditActions.OverdueNotified] = (_, _) => "Une demande de mobilisation a dépassé son échéance : l'émetteur a été prévenu",
            [MobilisationAuditActions.Of(MobilisationAction.Receive)] = (who, _) => $"{who} a pris connaissance d'une demande de mobilisation",
            [MobilisationAuditActions.Of(MobilisationAction.Accept)] = (who, _) => $"{who} a accepté une demande de mobilisation",
            [MobilisationAuditActions.Of(MobilisationAction.Refuse)] = (who, _) => $"{who} a refusé une demande de mobilisation",
            [MobilisationAuditActions.Of(MobilisationAction.Start)] = (who, _) => $"{who} a commencé une mobilisation",
            [MobilisationAuditActions.Of(MobilisationAction.Complete)] = (who, _) => $"{who} a terminé une mobilisation",
            [MobilisationAuditActions.Of(MobilisationAction.Cancel)] = (who, _) => $"{who} a annulé une demande de mobilisation",
            [CrisisAuditActions.Opened] = (who, what) => $"{who} a ouvert la crise {Quoted(what)}",
            [CrisisAuditActions.Edited] = (who, what) => $"{who} a modifié la crise {Quoted(what)}",
            [CrisisAuditActions.Ended] = (who, what) => $"{who} a terminé la crise {Quoted(what)}",
            [CrisisAuditActions.Reopened] = (who, what) => $"{who} a rouvert la crise {Quoted(what)}",
            [CrisisAuditActions.IncidentAttached] = (who, what) => $"{who} a rattaché un incident à la crise {Quoted(what)}",
            [CrisisAuditActions.IncidentDetached] = (who, what) => $"{who} a détaché un incident de la crise {Quoted(what)}",
            [CrisisAuditActions.ParticipantSet] = (who, what) => $"{who} a ajouté ou modifié un participant de la crise {Quoted(what)}",
            [CrisisAuditActions.LogbookAppended] = (who, what) => $"{who} a écrit dans la main courante de la crise {Quoted(what)}",
            [CrisisAuditActions.LogbookExported] = (who, what) => $"{who} a exporté la main courante de la crise {Quoted(what)}",
            [CrisisAuditActions.SituationReportExported] = (who, what) => $"{who} a téléchargé le point de situation de la crise {Quoted(what)}",
            [CrisisAuditActions.RetexEdited] = (who, what) => $"{who} a modifié le RETEX de la crise {Quoted(what)}",
            [CrisisAuditActions.RetexFrozen] = (who, what) => $"{who} a figé le RETEX de la crise {Quoted(what)}",
            [CrisisAuditActions.RetexExported] = (who, what) => $"{who} a exporté le RETEX de la crise {Quoted(what)}",
            // The target is the crisis's title or « Mur … »: where the indicator is shown.
            [PinAuditActions.Pinned] = (who, what) => $"{who} a épinglé un indicateur sur {Quoted(what)}",
            [PinAuditActions.Unpinned] = (who, what) => $"{who} a retiré un indicateur épinglé sur {Quoted(what)}",
            [EscalationAuditActions.ListChanged] = (who, what) => $"{who} a modifié la liste d'escalade de {Quoted(what)}",
            [EscalationAuditActions.DutySet] = (who, what) => $"{who} a défini qui est de permanence pour {Quoted(what)}",
        };

    /// <summary>The sentence for an entry; an action without one reads « who : label ».</summary>
    public static string Of(AuditEntry entry)
    {
        var who = string.IsNullOrWhiteSpace(entry.ActorName) ? "Le système" : entry.ActorName;
        return Sentences.TryGetValue(entry.Action, out var sentence)
            ? sentence(who, entry.Target) + "."
            : $"{who} : {AuditActions.Label(entry.Action).ToLowerInvariant()}{(entry.Target is null ? "" : $" ({entry.Target})")}.";
    }

    /// <summary>The page of the object an entry is about, when it has one (a mobilisation request).</summary>
    public static string? Link(AuditEntry entry) =>
        entry.Target is { } target && target.StartsWith(MobilisationPrefix, StringComparison.Ordinal)
            && Guid.TryParse(target.AsSpan(MobilisationPrefix.Length), out var id)
            ? $"mobilisations/{id}"
            : null;

    private static string Quoted(string? text) => string.IsNullOrWhiteSpace(text) ? "(sans nom)" : $"« {text} »";
}
