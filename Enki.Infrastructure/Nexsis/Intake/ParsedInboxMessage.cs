using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Messages;

namespace Enki.Infrastructure.Nexsis.Intake;

/// <summary>An inbox row with what the reader made of it.</summary>
public sealed record ParsedInboxMessage(InboxMessage Row, InboundDistribution? Distribution, IReadOnlyList<IntakeMessage> Messages)
{
    /// <summary>Exercise, test and system traffic are all kept apart from real counters.</summary>
    public bool IsExercise => Distribution?.Traffic is TrafficKind.Exercise or TrafficKind.Test or TrafficKind.System;

    public bool IsCancellation => string.Equals(Distribution?.Kind, "Cancel", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> CaseIds => Messages.Select(CaseIdOf).OfType<string>();

    public static string? CaseIdOf(IntakeMessage message) => message switch
    {
        CaseCreated created => created.CaseId,
        ResourcesReported resources => resources.CaseId,
        SituationUpdated situation => situation.CaseId,
        _ => null,
    };
}
