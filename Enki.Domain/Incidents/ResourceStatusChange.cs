namespace Enki.Domain.Incidents;

/// <summary>One step of an engaged resource's life (DECLENCHE, DEPART, ARRIVEE... RET-BASE, or an EMSI status).</summary>
public sealed record ResourceStatusChange(string Code, string Label, DateTimeOffset At);
