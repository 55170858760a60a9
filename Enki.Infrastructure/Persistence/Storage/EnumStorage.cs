using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Incidents;
using Enki.Domain.Intake;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Nexsis.Inbox;

namespace Enki.Infrastructure.Persistence.Storage;

/// <summary>
/// Every enum Enki stores (columns, event JSON, sign-in claims, API codes) and the string it stores for each
/// member. The strings are the member names of 2026-12-02, when this table was written: rename a member
/// here and keep its string, and nothing stored changes. GLOSSARY.md lists the French ones.
/// </summary>
public static class EnumStorage
{
    /// <summary>From the domain's own table (<see cref="ProfileRules.Code"/>): it writes them into participant references.</summary>
    public static readonly StoredValues<Profile> Profile = new(Enum.GetValues<Profile>().Select(p => (p, p.Code())).ToArray());

    public static readonly StoredValues<JurisdictionKind> JurisdictionKind = new(
        (Domain.Access.JurisdictionKind.National, "National"),
        (Domain.Access.JurisdictionKind.Zone, "Zone"),
        (Domain.Access.JurisdictionKind.Departement, "Departement"),
        (Domain.Access.JurisdictionKind.Commune, "Commune"));

    public static readonly StoredValues<IncidentStatus> IncidentStatus = new(
        (Domain.Incidents.IncidentStatus.Reported, "Reported"),
        (Domain.Incidents.IncidentStatus.InProgress, "InProgress"),
        (Domain.Incidents.IncidentStatus.Suspended, "Suspended"),
        (Domain.Incidents.IncidentStatus.Completed, "Completed"),
        (Domain.Incidents.IncidentStatus.Cancelled, "Cancelled"));

    public static readonly StoredValues<VictimCountEstimate> VictimCountEstimate = new(
        (Domain.Intake.VictimCountEstimate.None, "None"),
        (Domain.Intake.VictimCountEstimate.One, "One"),
        (Domain.Intake.VictimCountEstimate.Several, "Several"),
        (Domain.Intake.VictimCountEstimate.Many, "Many"),
        (Domain.Intake.VictimCountEstimate.Unknown, "Unknown"),
        (Domain.Intake.VictimCountEstimate.NotDefined, "NotDefined"));

    public static readonly StoredValues<CrisisType> CrisisType = new(
        (Domain.Crises.CrisisType.Inondation, "Inondation"),
        (Domain.Crises.CrisisType.Tempete, "Tempete"),
        (Domain.Crises.CrisisType.FeuDeForet, "FeuDeForet"),
        (Domain.Crises.CrisisType.AccidentTechnologique, "AccidentTechnologique"),
        (Domain.Crises.CrisisType.Attentat, "Attentat"),
        (Domain.Crises.CrisisType.Rassemblement, "Rassemblement"),
        (Domain.Crises.CrisisType.Epidemie, "Epidemie"),
        (Domain.Crises.CrisisType.Autre, "Autre"));

    public static readonly StoredValues<CrisisStatus> CrisisStatus = new(
        (Domain.Crises.CrisisStatus.EnCours, "EnCours"),
        (Domain.Crises.CrisisStatus.Terminee, "Terminee"));

    public static readonly StoredValues<ParticipantKind> ParticipantKind = new(
        (Domain.Crises.ParticipantKind.Personne, "Personne"),
        (Domain.Crises.ParticipantKind.Organisation, "Organisation"));

    public static readonly StoredValues<ParticipationRight> ParticipationRight = new(
        (Domain.Crises.ParticipationRight.Lecture, "Lecture"),
        (Domain.Crises.ParticipationRight.Contribution, "Contribution"),
        (Domain.Crises.ParticipationRight.Pilotage, "Pilotage"));

    public static readonly StoredValues<LogbookEntryKind> LogbookEntryKind = new(
        (Domain.Logbook.LogbookEntryKind.Information, "Information"),
        (Domain.Logbook.LogbookEntryKind.Decision, "Decision"),
        (Domain.Logbook.LogbookEntryKind.Request, "Request"),
        (Domain.Logbook.LogbookEntryKind.Action, "Action"),
        (Domain.Logbook.LogbookEntryKind.SituationReport, "SituationReport"));

    public static readonly StoredValues<MobilisationStatus> MobilisationStatus = new(
        (Domain.Mobilisation.MobilisationStatus.Emise, "Emise"),
        (Domain.Mobilisation.MobilisationStatus.Recue, "Recue"),
        (Domain.Mobilisation.MobilisationStatus.Acceptee, "Acceptee"),
        (Domain.Mobilisation.MobilisationStatus.Refusee, "Refusee"),
        (Domain.Mobilisation.MobilisationStatus.EnCours, "EnCours"),
        (Domain.Mobilisation.MobilisationStatus.Realisee, "Realisee"),
        (Domain.Mobilisation.MobilisationStatus.Annulee, "Annulee"));

    public static readonly StoredValues<MobilisationPriority> MobilisationPriority = new(
        (Domain.Mobilisation.MobilisationPriority.Urgente, "Urgente"),
        (Domain.Mobilisation.MobilisationPriority.Normale, "Normale"),
        (Domain.Mobilisation.MobilisationPriority.Basse, "Basse"));

    public static readonly StoredValues<MobilisationAction> MobilisationAction = new(
        (Domain.Mobilisation.MobilisationAction.Receive, "Receive"),
        (Domain.Mobilisation.MobilisationAction.Accept, "Accept"),
        (Domain.Mobilisation.MobilisationAction.Refuse, "Refuse"),
        (Domain.Mobilisation.MobilisationAction.Start, "Start"),
        (Domain.Mobilisation.MobilisationAction.Complete, "Complete"),
        (Domain.Mobilisation.MobilisationAction.Cancel, "Cancel"));

    public static readonly StoredValues<RecipientKind> RecipientKind = new(
        (Domain.Mobilisation.RecipientKind.Commune, "Commune"),
        (Domain.Mobilisation.RecipientKind.Organisation, "Organisation"));

    public static readonly StoredValues<OrganisationKind> OrganisationKind = new(
        (Domain.Directory.OrganisationKind.Mairie, "Mairie"),
        (Domain.Directory.OrganisationKind.Prefecture, "Prefecture"),
        (Domain.Directory.OrganisationKind.Sdis, "Sdis"),
        (Domain.Directory.OrganisationKind.Coz, "Coz"),
        (Domain.Directory.OrganisationKind.Cogic, "Cogic"),
        (Domain.Directory.OrganisationKind.Partenaire, "Partenaire"),
        (Domain.Directory.OrganisationKind.Autre, "Autre"));

    public static readonly StoredValues<InboxChannel> InboxChannel = new(
        (Nexsis.Inbox.InboxChannel.Push, "Push"),
        (Nexsis.Inbox.InboxChannel.Pull, "Pull"));

    public static readonly StoredValues<InboxState> InboxState = new(
        (Nexsis.Inbox.InboxState.Pending, "Pending"),
        (Nexsis.Inbox.InboxState.Processed, "Processed"),
        (Nexsis.Inbox.InboxState.Waiting, "Waiting"),
        (Nexsis.Inbox.InboxState.Quarantined, "Quarantined"));

    public static readonly StoredValues<OutboxStatus> OutboxStatus = new(
        (Mail.OutboxStatus.Recorded, "Recorded"),
        (Mail.OutboxStatus.Sent, "Sent"),
        (Mail.OutboxStatus.Failed, "Failed"));

    public static readonly IReadOnlyList<IStoredValues> All =
    [
        Profile, JurisdictionKind, IncidentStatus, VictimCountEstimate, CrisisType, CrisisStatus, ParticipantKind,
        ParticipationRight, LogbookEntryKind, MobilisationStatus, MobilisationPriority, MobilisationAction, RecipientKind, OrganisationKind,
        InboxChannel, InboxState, OutboxStatus,
    ];

    private static readonly Dictionary<Type, IStoredValues> ByType = All.ToDictionary(v => v.EnumType);

    /// <summary>The table of a stored enum, or null for an enum Enki does not store.</summary>
    public static IStoredValues? For(Type enumType) => ByType.GetValueOrDefault(enumType);
}
