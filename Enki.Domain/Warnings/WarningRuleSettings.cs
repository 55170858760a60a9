using Enki.Domain.Access;
using Enki.Domain.Vigilance;

namespace Enki.Domain.Warnings;

/// <summary>What a person sets on a rule (the form's fields); <see cref="WarningRule"/> checks them.</summary>
/// <param name="Territory">Where the rule watches: the owner's jurisdiction or a territory inside it.</param>
/// <param name="NatureFamilies">NexSIS nature families (<c>C04</c>…) for <see cref="WarningRuleKind.NewIncident"/>; empty: all.</param>
/// <param name="Thresholds">For <see cref="WarningRuleKind.Victims"/>: any of them reached raises the warning.</param>
/// <param name="BurstCount">For <see cref="WarningRuleKind.IncidentBurst"/>: incidents within an hour.</param>
/// <param name="VigilanceAtLeast">For <see cref="WarningRuleKind.Vigilance"/>: the colour that raises it (orange when not set).</param>
/// <param name="EscalationDelay">Unacknowledged that long, the warning escalates; null: the default (10 min when urgent, none otherwise).</param>
public sealed record WarningRuleSettings(
    string Name,
    WarningRuleKind Kind,
    Jurisdiction Territory,
    bool Urgent,
    IReadOnlyList<string>? NatureFamilies = null,
    IReadOnlyList<VictimThreshold>? Thresholds = null,
    int? BurstCount = null,
    TimeSpan? EscalationDelay = null,
    bool Enabled = true,
    VigilanceColour? VigilanceAtLeast = null);
