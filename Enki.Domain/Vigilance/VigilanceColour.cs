namespace Enki.Domain.Vigilance;

/// <summary>The four colours of a vigilance map, by their published numbers (1 vert to 4 rouge).</summary>
public enum VigilanceColour
{
    Green = 1,
    Yellow = 2,
    Orange = 3,
    Red = 4,
}

public static class VigilanceColourWords
{
    /// <summary>« orange », as it follows the phenomenon: « Vent violent orange ».</summary>
    public static string French(this VigilanceColour colour) => colour switch
    {
        VigilanceColour.Green => "vert",
        VigilanceColour.Yellow => "jaune",
        VigilanceColour.Orange => "orange",
        VigilanceColour.Red => "rouge",
        _ => colour.ToString(),
    };

    /// <summary>The colour a source published as a number; null outside 1–4.</summary>
    public static VigilanceColour? FromNumber(int? number) => number is >= 1 and <= 4 ? (VigilanceColour)number.Value : null;

    /// <summary>The map's colours (the official palette).</summary>
    public static string Hex(this VigilanceColour colour) => colour switch
    {
        VigilanceColour.Yellow => "#FFF600",
        VigilanceColour.Orange => "#FFB82B",
        VigilanceColour.Red => "#CC0000",
        _ => "#31AA35",
    };
}
