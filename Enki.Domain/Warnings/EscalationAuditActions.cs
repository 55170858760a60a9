namespace Enki.Domain.Warnings;

/// <summary>What the audit log records of escalation lists and duty periods.</summary>
public static class EscalationAuditActions
{
    public const string ListChanged = "escalade.liste_modifiee";
    public const string DutySet = "escalade.permanence_definie";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [ListChanged] = "Liste d'escalade modifiée",
        [DutySet] = "Permanence définie",
    };
}
