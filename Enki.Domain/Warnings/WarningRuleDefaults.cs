using Enki.Domain.Access;
using Enki.Domain.Vigilance;

namespace Enki.Domain.Warnings;

/// <summary>
/// The rules a service starts with: a mayor hears of every incident with victims in the commune (urgent
/// for a death or an urgence absolue) and of every request to it; a préfecture of the serious ones on
/// its department, of unusually many incidents, of requests left overdue and of orange or red vigilance;
/// a mayor of a red vigilance on the commune's department (or a river section crossing the commune).
/// </summary>
public static class WarningRuleDefaults
{
    public const int PrefectureBurstPerHour = 20;

    public static IReadOnlyList<WarningRuleSettings> For(Profile profile, Jurisdiction territory) => profile switch
    {
        Profile.Mayor =>
        [
            new("Décès ou urgence absolue", WarningRuleKind.Victims, territory, Urgent: true,
                Thresholds: [new(VictimCategory.Deceased, 1), new(VictimCategory.Red, 1)]),
            new("Intervention avec victimes", WarningRuleKind.Victims, territory, Urgent: false, Thresholds: [new(VictimCategory.Any, 1)]),
            new("Demande de mobilisation reçue", WarningRuleKind.MobilisationReceived, territory, Urgent: false),
            new("Vigilance rouge sur le département", WarningRuleKind.Vigilance, territory, Urgent: false, VigilanceAtLeast: VigilanceColour.Red),
        ],
        Profile.Prefecture =>
        [
            new("Décès ou au moins 3 urgences absolues", WarningRuleKind.Victims, territory, Urgent: true,
                Thresholds: [new(VictimCategory.Deceased, 1), new(VictimCategory.Red, 3)]),
            new($"Au moins {PrefectureBurstPerHour} interventions en une heure", WarningRuleKind.IncidentBurst, territory, Urgent: false,
                BurstCount: PrefectureBurstPerHour),
            new("Demande de mobilisation en retard", WarningRuleKind.MobilisationOverdue, territory, Urgent: false),
            new("Vigilance orange ou rouge", WarningRuleKind.Vigilance, territory, Urgent: false, VigilanceAtLeast: VigilanceColour.Orange),
        ],
        _ => [],
    };
}
