namespace Enki.Domain.Warnings;

/// <summary>
/// One step of an organisation's escalation list: a person (the deputy) or a service; with <paramref name="OnDuty"/>,
/// the service's duty role — whoever is on duty there when the step is reached (the préfecture's duty officer).
/// </summary>
public sealed record EscalationStep(WarningOwnerKind Kind, string Code, string Name, bool OnDuty = false);

/// <summary>Whom a warning goes to, in order, when nobody of the organisation acknowledged it in time.</summary>
public sealed record EscalationList(string OrganisationKey, IReadOnlyList<EscalationStep> Steps)
{
    public static EscalationList Empty(string organisationKey) => new(organisationKey, []);
}

/// <summary>A recipient of a warning: the owner, then each escalation step as it is reached.</summary>
public sealed record WarningRecipient(WarningOwnerKind Kind, string Code, string Name, int Level, DateTimeOffset AddedAt);
