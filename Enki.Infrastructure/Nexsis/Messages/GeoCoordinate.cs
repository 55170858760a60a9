namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>A WGS 84 (EPSG:4326) point as sent, with the optional height (metres) EMSI may give.</summary>
public sealed record GeoCoordinate(double Latitude, double Longitude, double? Height = null)
{
    /// <summary>True when the latitude and longitude are within the ranges of the globe.</summary>
    public bool IsOnGlobe => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>True when the point lies in one of the coarse boxes of <see cref="FrenchTerritory"/>.</summary>
    public bool IsInFrenchTerritory => FrenchTerritory.Contains(Latitude, Longitude);
}

/// <summary>
/// Coarse bounding boxes of metropolitan France and of the overseas territories: a sanity check
/// only (a point at 0,0 or in the ocean is refused); the commune is found later from the outlines.
/// </summary>
public static class FrenchTerritory
{
    private sealed record Box(string Name, double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude);

    private static readonly Box[] Boxes =
    [
        new("France métropolitaine et Corse", 41.0, 51.6, -5.6, 9.9),
        new("Guadeloupe", 15.8, 16.6, -61.9, -60.9),
        new("Martinique", 14.3, 14.9, -61.3, -60.7),
        new("Guyane", 2.0, 6.0, -54.7, -51.5),
        new("La Réunion", -21.5, -20.8, 55.1, 55.9),
        new("Mayotte", -13.1, -12.5, 44.9, 45.4),
        new("Saint-Pierre-et-Miquelon", 46.7, 47.2, -56.5, -56.0),
        new("Saint-Barthélemy et Saint-Martin", 17.8, 18.2, -63.2, -62.7),
        new("Wallis-et-Futuna", -14.5, -13.1, -178.3, -176.0),
        new("Polynésie française", -28.0, -7.5, -155.0, -134.0),
        new("Nouvelle-Calédonie", -23.0, -19.0, 163.0, 169.0),
    ];

    /// <summary>True when the point lies in one of the boxes.</summary>
    public static bool Contains(double latitude, double longitude) =>
        Boxes.Any(b => latitude >= b.MinLatitude && latitude <= b.MaxLatitude
                       && longitude >= b.MinLongitude && longitude <= b.MaxLongitude);
}
