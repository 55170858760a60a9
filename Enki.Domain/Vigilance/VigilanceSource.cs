namespace Enki.Domain.Vigilance;

/// <summary>Who publishes a vigilance: Météo-France's weather map, or Vigicrues for river sections.</summary>
public enum VigilanceSource
{
    MeteoFrance,
    Vigicrues,
}

public static class VigilanceSourceWords
{
    public static string French(this VigilanceSource source) => source switch
    {
        VigilanceSource.MeteoFrance => "Météo-France",
        VigilanceSource.Vigicrues => "Vigicrues",
        _ => source.ToString(),
    };
}
