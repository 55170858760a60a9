namespace Enki.Infrastructure.Vigilance;

/// <summary>
/// <c>Enki:Vigilance:*</c>: where the vigilance maps are read and how often. A source without a URL is not
/// read (no network in a closed room); the demo points both at the simulator.
/// </summary>
public sealed class VigilanceOptions
{
    public MeteoFranceVigilanceOptions MeteoFrance { get; set; } = new();

    public VigicruesOptions Vigicrues { get; set; } = new();

    /// <summary>How often the job reads both sources (15 minutes by default; whole minutes, 1 to 60).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class MeteoFranceVigilanceOptions
{
    /// <summary>The « cartevigilance/encours » address of Météo-France's DPVigilance API.</summary>
    public string? Url { get; set; }

    /// <summary>The API key of the Météo-France portal, sent in the <c>apikey</c> header.</summary>
    public string? ApiKey { get; set; }
}

public sealed class VigicruesOptions
{
    /// <summary>The address of Vigicrues' river sections with their vigilance (GeoJSON, « InfoVigiCru »).</summary>
    public string? Url { get; set; }
}
