namespace Enki.Domain.Geography;

/// <summary>A defence and security zone (zone de défense et de sécurité) and the city of its seat.</summary>
public sealed record DefenceZone(string Code, string Name, string Seat);
