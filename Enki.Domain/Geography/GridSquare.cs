using System.Globalization;

namespace Enki.Domain.Geography;

/// <summary>
/// A square of the 1 km grid in Lambert-93 (EPSG:2154): squares aligned on multiples of 1 000 m, named by
/// their south-west corner in the INSPIRE manner, <c>CRS2154RES1000mN{north}E{east}</c> (the form of the
/// Lambert-93 grids of French statistics; INSEE's Filosofi grids since 2015 use ETRS89-LAEA, EPSG:3035, instead).
/// </summary>
public sealed record GridSquare(long East, long North)
{
    public const int Size = 1000;

    /// <summary>The square holding a point given in degrees (WGS 84, taken as RGF93).</summary>
    public static GridSquare Of(double latitude, double longitude)
    {
        var (east, north) = CornerOf(latitude, longitude);
        return new GridSquare(east, north);
    }

    /// <summary>The south-west corner of the square holding a point, without making the square (a national year counts a million).</summary>
    public static (long East, long North) CornerOf(double latitude, double longitude)
    {
        var (east, north) = Lambert93.Project(latitude, longitude);
        return ((long)Math.Floor(east / Size) * Size, (long)Math.Floor(north / Size) * Size);
    }

    public string Id => string.Create(CultureInfo.InvariantCulture, $"CRS2154RES{Size}mN{North}E{East}");

    /// <summary>The square's French name: its south-west corner in kilometres.</summary>
    public string Name => string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Carreau E {East / 1000:N0} km, N {North / 1000:N0} km");

    /// <summary>Reads an id written by <see cref="Id"/>; null for anything else.</summary>
    public static GridSquare? Parse(string? id)
    {
        const string prefix = "CRS2154RES1000mN";
        if (id is null || !id.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var parts = id[prefix.Length..].Split('E');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var north)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var east)
            && north % Size == 0 && east % Size == 0
            ? new GridSquare(east, north) : null;
    }

    /// <summary>
    /// The square's outline in degrees (latitude, longitude), closed, counter-clockwise from the south-west
    /// corner: its four corners unprojected (over 1 km the sides stay straight to well under a metre).
    /// </summary>
    public IReadOnlyList<(double Latitude, double Longitude)> Outline() =>
    [
        Lambert93.Unproject(East, North),
        Lambert93.Unproject(East + Size, North),
        Lambert93.Unproject(East + Size, North + Size),
        Lambert93.Unproject(East, North + Size),
        Lambert93.Unproject(East, North),
    ];
}
