namespace Enki.Domain.Incidents;

/// <summary>One step of an engaged resource's life (alerted, on its way, on scene... back at base): its code and label as the sender gives them.</summary>
public sealed record ResourceStatusChange(string Code, string Label, DateTimeOffset At);
