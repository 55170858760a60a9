namespace Enki.Domain.Indicators.Pins;

/// <summary>Audit actions of pins.</summary>
public static class PinAuditActions
{
    public const string Pinned = "indicateur.epingle";
    public const string Unpinned = "indicateur.desepingle";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [Pinned] = "Indicateur épinglé",
        [Unpinned] = "Indicateur désépinglé",
    };
}
