namespace Enki.Domain.Vigilance;

/// <summary>The phenomena of the French vigilance maps (Météo-France's nine, floods included).</summary>
public enum VigilancePhenomenon
{
    /// <summary>A phenomenon this version does not know: kept with the label the source gave.</summary>
    Unknown,
    Wind,
    RainFlood,
    Storms,
    Floods,
    SnowIce,
    Heatwave,
    ExtremeCold,
    Avalanches,
    WavesSubmersion,
}

public static class VigilancePhenomenonWords
{
    public static string French(this VigilancePhenomenon phenomenon) => phenomenon switch
    {
        VigilancePhenomenon.Wind => "Vent violent",
        VigilancePhenomenon.RainFlood => "Pluie-inondation",
        VigilancePhenomenon.Storms => "Orages",
        VigilancePhenomenon.Floods => "Crues",
        VigilancePhenomenon.SnowIce => "Neige-verglas",
        VigilancePhenomenon.Heatwave => "Canicule",
        VigilancePhenomenon.ExtremeCold => "Grand froid",
        VigilancePhenomenon.Avalanches => "Avalanches",
        VigilancePhenomenon.WavesSubmersion => "Vagues-submersion",
        _ => "Phénomène inconnu",
    };

    /// <summary>Météo-France's <c>phenomenon_id</c> (1 to 9); null for an id it does not publish.</summary>
    public static VigilancePhenomenon? FromMeteoFranceId(string? id) => id?.Trim() switch
    {
        "1" => VigilancePhenomenon.Wind,
        "2" => VigilancePhenomenon.RainFlood,
        "3" => VigilancePhenomenon.Storms,
        "4" => VigilancePhenomenon.Floods,
        "5" => VigilancePhenomenon.SnowIce,
        "6" => VigilancePhenomenon.Heatwave,
        "7" => VigilancePhenomenon.ExtremeCold,
        "8" => VigilancePhenomenon.Avalanches,
        "9" => VigilancePhenomenon.WavesSubmersion,
        _ => null,
    };
}
