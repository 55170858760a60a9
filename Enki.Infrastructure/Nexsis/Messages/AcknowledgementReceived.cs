namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>RC-REF <c>reference</c>: a partner acknowledges (or refuses) a distribution.</summary>
/// <param name="AcknowledgedDistributionId"><c>distributionID</c> of the acknowledged distribution.</param>
/// <param name="Refused"><c>refused</c>, null when not sent.</param>
/// <param name="ErrorDistributionId"><c>errorDistributionID</c>.</param>
/// <param name="Step"><c>step</c> (RECU, ERREUR, INTEGRE, CONSULTE, SUPPRIME).</param>
public sealed record AcknowledgementReceived(
    string AcknowledgedDistributionId,
    bool? Refused,
    string? ErrorDistributionId,
    string? Step) : IntakeMessage;
