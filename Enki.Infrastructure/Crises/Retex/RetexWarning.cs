namespace Enki.Infrastructure.Crises.Retex;

/// <summary>A warning raised about one of the crisis's incidents or requests, and who acknowledged it when.</summary>
public sealed record RetexWarning(
    DateTimeOffset OccurredAt, DateTimeOffset RaisedAt, string Title, string RuleName, bool Urgent,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedByName, int EscalationLevel);
