using Enki.Domain.Access;

namespace Enki.Domain.Audit;

/// <summary>
/// Append-only record of who did what. Every write of every feature calls it; rows are never
/// changed afterwards. <paramref name="territory"/> places the row so that the jurisdiction
/// filter applies to the journal too.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(string action, string? target, string? detail = null, ILocatedInTerritory? territory = null,
        Viewer? actor = null, string? actorName = null, CancellationToken cancellationToken = default);
}

/// <summary>Audit action names (stable, stored) and their French labels.</summary>
public static class AuditActions
{
    public const string SignIn = "connexion";
    public const string SignInFailed = "connexion.echec";
    public const string LockedOut = "compte.verrouille";
    public const string SignOut = "deconnexion";
    public const string Invitation = "invitation.envoyee";
    public const string InvitationAccepted = "invitation.acceptee";
    public const string AccessChanged = "compte.acces_modifie";
    public const string Disabled = "compte.desactive";
    public const string Enabled = "compte.reactive";
    public const string ExternalRefused = "oidc.refus";
    public const string NexsisReprocessed = "nexsis.retraitement";

    /// <summary>Every feature's actions with their labels: the journal's filter lists them all.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [SignIn] = "Connexion",
        [SignInFailed] = "Échec de connexion",
        [LockedOut] = "Compte verrouillé",
        [SignOut] = "Déconnexion",
        [Invitation] = "Invitation envoyée",
        [InvitationAccepted] = "Invitation acceptée",
        [AccessChanged] = "Profil ou périmètre modifié",
        [Disabled] = "Compte désactivé",
        [Enabled] = "Compte réactivé",
        [ExternalRefused] = "Connexion externe refusée",
        [NexsisReprocessed] = "Message NexSIS remis en traitement",
    }
        .Concat(Directory.DirectoryAuditActions.Labels)
        .Concat(Mobilisation.MobilisationAuditActions.Labels)
        .Concat(Crises.CrisisAuditActions.Labels)
        .Concat(Indicators.Pins.PinAuditActions.Labels)
        .Concat(Warnings.EscalationAuditActions.Labels)
        .ToDictionary();

    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}
