using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Incidents;
using Enki.Domain.Indicators.Pins;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Domain.Vigilance;
using Enki.Domain.Warnings;
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
        (Domain.Access.JurisdictionKind.Department, "Departement"),
        (Domain.Access.JurisdictionKind.Commune, "Commune"));

    public static readonly StoredValues<IncidentStatus> IncidentStatus = new(
        (Domain.Incidents.IncidentStatus.Reported, "Reported"),
        (Domain.Incidents.IncidentStatus.InProgress, "InProgress"),
        (Domain.Incidents.IncidentStatus.Suspended, "Suspended"),
        (Domain.Incidents.IncidentStatus.Completed, "Completed"),
        (Domain.Incidents.IncidentStatus.Cancelled, "Cancelled"));

    public static readonly StoredValues<VictimCountEstimate> VictimCountEstimate = new(
        (Domain.Incidents.VictimCountEstimate.None, "None"),
        (Domain.Incidents.VictimCountEstimate.One, "One"),
        (Domain.Incidents.VictimCountEstimate.Several, "Several"),
        (Domain.Incidents.VictimCountEstimate.Many, "Many"),
        (Domain.Incidents.VictimCountEstimate.Unknown, "Unknown"),
        (Domain.Incidents.VictimCountEstimate.NotDefined, "NotDefined"));

    public static readonly StoredValues<CrisisType> CrisisType = new(
        (Domain.Crises.CrisisType.Flood, "Inondation"),
        (Domain.Crises.CrisisType.Storm, "Tempete"),
        (Domain.Crises.CrisisType.ForestFire, "FeuDeForet"),
        (Domain.Crises.CrisisType.TechnologicalAccident, "AccidentTechnologique"),
        (Domain.Crises.CrisisType.Attack, "Attentat"),
        (Domain.Crises.CrisisType.MassGathering, "Rassemblement"),
        (Domain.Crises.CrisisType.Epidemic, "Epidemie"),
        (Domain.Crises.CrisisType.Other, "Autre"));

    public static readonly StoredValues<CrisisStatus> CrisisStatus = new(
        (Domain.Crises.CrisisStatus.Ongoing, "EnCours"),
        (Domain.Crises.CrisisStatus.Ended, "Terminee"));

    public static readonly StoredValues<ParticipantKind> ParticipantKind = new(
        (Domain.Crises.ParticipantKind.Person, "Personne"),
        (Domain.Crises.ParticipantKind.Organisation, "Organisation"));

    public static readonly StoredValues<ParticipationRight> ParticipationRight = new(
        (Domain.Crises.ParticipationRight.Read, "Lecture"),
        (Domain.Crises.ParticipationRight.Contribution, "Contribution"),
        (Domain.Crises.ParticipationRight.Lead, "Pilotage"));

    public static readonly StoredValues<LogbookEntryKind> LogbookEntryKind = new(
        (Domain.Logbook.LogbookEntryKind.Information, "Information"),
        (Domain.Logbook.LogbookEntryKind.Decision, "Decision"),
        (Domain.Logbook.LogbookEntryKind.Request, "Request"),
        (Domain.Logbook.LogbookEntryKind.Action, "Action"),
        (Domain.Logbook.LogbookEntryKind.SituationReport, "SituationReport"));

    public static readonly StoredValues<MobilisationStatus> MobilisationStatus = new(
        (Domain.Mobilisation.MobilisationStatus.Issued, "Emise"),
        (Domain.Mobilisation.MobilisationStatus.Received, "Recue"),
        (Domain.Mobilisation.MobilisationStatus.Accepted, "Acceptee"),
        (Domain.Mobilisation.MobilisationStatus.Refused, "Refusee"),
        (Domain.Mobilisation.MobilisationStatus.InProgress, "EnCours"),
        (Domain.Mobilisation.MobilisationStatus.Completed, "Realisee"),
        (Domain.Mobilisation.MobilisationStatus.Cancelled, "Annulee"));

    public static readonly StoredValues<MobilisationPriority> MobilisationPriority = new(
        (Domain.Mobilisation.MobilisationPriority.Urgent, "Urgente"),
        (Domain.Mobilisation.MobilisationPriority.Normal, "Normale"),
        (Domain.Mobilisation.MobilisationPriority.Low, "Basse"));

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
        (Domain.Directory.OrganisationKind.TownHall, "Mairie"),
        (Domain.Directory.OrganisationKind.Prefecture, "Prefecture"),
        (Domain.Directory.OrganisationKind.Sdis, "Sdis"),
        (Domain.Directory.OrganisationKind.Coz, "Coz"),
        (Domain.Directory.OrganisationKind.Cogic, "Cogic"),
        (Domain.Directory.OrganisationKind.Partner, "Partenaire"),
        (Domain.Directory.OrganisationKind.Other, "Autre"));

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

    public static readonly StoredValues<PinBoard> PinBoard = new(
        (Domain.Indicators.Pins.PinBoard.Crisis, "Crise"),
        (Domain.Indicators.Pins.PinBoard.Wall, "Mur"));

    public static readonly StoredValues<WarningRuleKind> WarningRuleKind = new(
        (Domain.Warnings.WarningRuleKind.NewIncident, "NouvelleIntervention"),
        (Domain.Warnings.WarningRuleKind.Victims, "Victimes"),
        (Domain.Warnings.WarningRuleKind.IncidentBurst, "InterventionsParHeure"),
        (Domain.Warnings.WarningRuleKind.UnusualHour, "HeureInhabituelle"),
        (Domain.Warnings.WarningRuleKind.MobilisationReceived, "DemandeRecue"),
        (Domain.Warnings.WarningRuleKind.MobilisationOverdue, "DemandeEnRetard"),
        (Domain.Warnings.WarningRuleKind.Vigilance, "Vigilance"));

    public static readonly StoredValues<WarningOwnerKind> WarningOwnerKind = new(
        (Domain.Warnings.WarningOwnerKind.Organisation, "Organisation"),
        (Domain.Warnings.WarningOwnerKind.Person, "Personne"));

    public static readonly StoredValues<WarningChannel> WarningChannel = new(
        (Domain.Warnings.WarningChannel.InApp, "Application"),
        (Domain.Warnings.WarningChannel.Email, "Courriel"),
        (Domain.Warnings.WarningChannel.Sms, "Sms"),
        (Domain.Warnings.WarningChannel.WebPush, "WebPush"));

    public static readonly StoredValues<DeliveryState> DeliveryState = new(
        (Domain.Warnings.DeliveryState.Pending, "AEnvoyer"),
        (Domain.Warnings.DeliveryState.Sent, "Envoyee"),
        (Domain.Warnings.DeliveryState.Received, "Recue"),
        (Domain.Warnings.DeliveryState.Read, "Lue"),
        (Domain.Warnings.DeliveryState.Acknowledged, "Acquittee"),
        (Domain.Warnings.DeliveryState.Failed, "Echec"),
        (Domain.Warnings.DeliveryState.GaveUp, "Abandonnee"));

    public static readonly StoredValues<WarningSubjectKind> WarningSubjectKind = new(
        (Domain.Warnings.WarningSubjectKind.Incident, "Intervention"),
        (Domain.Warnings.WarningSubjectKind.MobilisationRequest, "Demande"),
        (Domain.Warnings.WarningSubjectKind.Territory, "Territoire"));

    public static readonly StoredValues<Domain.History.HistoryClock> HistoryClock = new(
        (Domain.History.HistoryClock.AsKnown, "TelQueConnu"),
        (Domain.History.HistoryClock.AsItWas, "TelQueCetait"));

    public static readonly StoredValues<VigilanceSource> VigilanceSource = new(
        (Domain.Vigilance.VigilanceSource.MeteoFrance, "MeteoFrance"),
        (Domain.Vigilance.VigilanceSource.Vigicrues, "Vigicrues"));

    public static readonly StoredValues<VigilancePhenomenon> VigilancePhenomenon = new(
        (Domain.Vigilance.VigilancePhenomenon.Unknown, "Inconnu"),
        (Domain.Vigilance.VigilancePhenomenon.Wind, "VentViolent"),
        (Domain.Vigilance.VigilancePhenomenon.RainFlood, "PluieInondation"),
        (Domain.Vigilance.VigilancePhenomenon.Storms, "Orages"),
        (Domain.Vigilance.VigilancePhenomenon.Floods, "Crues"),
        (Domain.Vigilance.VigilancePhenomenon.SnowIce, "NeigeVerglas"),
        (Domain.Vigilance.VigilancePhenomenon.Heatwave, "Canicule"),
        (Domain.Vigilance.VigilancePhenomenon.ExtremeCold, "GrandFroid"),
        (Domain.Vigilance.VigilancePhenomenon.Avalanches, "Avalanches"),
        (Domain.Vigilance.VigilancePhenomenon.WavesSubmersion, "VaguesSubmersion"));

    public static readonly StoredValues<VigilanceColour> VigilanceColour = new(
        (Domain.Vigilance.VigilanceColour.Green, "Vert"),
        (Domain.Vigilance.VigilanceColour.Yellow, "Jaune"),
        (Domain.Vigilance.VigilanceColour.Orange, "Orange"),
        (Domain.Vigilance.VigilanceColour.Red, "Rouge"));

    public static readonly IReadOnlyList<IStoredValues> All =
    [
        Profile, JurisdictionKind, IncidentStatus, VictimCountEstimate, CrisisType, CrisisStatus, ParticipantKind,
        ParticipationRight, LogbookEntryKind, MobilisationStatus, MobilisationPriority, MobilisationAction, RecipientKind, OrganisationKind,
        InboxChannel, InboxState, OutboxStatus, PinBoard, WarningRuleKind, WarningOwnerKind, WarningChannel, DeliveryState, WarningSubjectKind,
        HistoryClock,
        VigilanceSource, VigilancePhenomenon, VigilanceColour,
    ];

    private static readonly Dictionary<Type, IStoredValues> ByType = All.ToDictionary(v => v.EnumType);

    /// <summary>The table of a stored enum, or null for an enum Enki does not store.</summary>
    public static IStoredValues? For(Type enumType) => ByType.GetValueOrDefault(enumType);
}
