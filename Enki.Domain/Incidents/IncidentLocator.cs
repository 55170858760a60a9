using Enki.Domain.Geography;

namespace Enki.Domain.Incidents;

/// <summary>The outcome of placing a message on the map: a place, or why it cannot be placed (in French).</summary>
public sealed record PlaceResolution(IncidentPlace? Place, string? Refusal)
{
    public static PlaceResolution Refused(string reason) => new(null, reason);
}

/// <summary>
/// Places incidents in the geography. Messages in the wild are messy (a postal code where the INSEE
/// code belongs): codes are checked against the commune list. A valid stated commune is kept when
/// the point lies within <see cref="BorderToleranceMetres"/> of its outline (geocoding precision at
/// a border); the point decides only when the code is invalid or the point is clearly elsewhere,
/// and the discrepancy is kept.
/// </summary>
public sealed class IncidentLocator(FrenchGeography geography)
{
    /// <summary>How far outside the stated commune's outline a point may lie and still be taken as in it.</summary>
    public const double BorderToleranceMetres = 200;

    public PlaceResolution Resolve(StatedPlace stated)
    {
        var address = stated.Address;
        var sentCode = stated.InseeCode?.Trim();
        var byCode = geography.FindCommune(sentCode);
        var point = stated.Point;
        var byPoint = point is not { } p ? null : geography.LocateCommune(p.Latitude, p.Longitude);

        if (byPoint is not null && byCode is not null && byPoint.InseeCode != byCode.InseeCode
            && geography.DistanceToOutlineMetres(byCode.InseeCode, point!.Value.Latitude, point.Value.Longitude) <= BorderToleranceMetres)
        {
            return new PlaceResolution(PlaceOf(byCode, point, address, null), null);
        }

        if (byPoint is not null)
        {
            string? discrepancy = null;
            if (!string.IsNullOrEmpty(sentCode) && byPoint.InseeCode != sentCode)
            {
                discrepancy = byCode is null
                    ? $"Code INSEE transmis « {sentCode} » inconnu (code postal ?) : commune déduite du point, {byPoint.Name} ({byPoint.InseeCode})."
                    : $"Code INSEE transmis {sentCode} ({byCode.Name}) différent de la commune du point : {byPoint.Name} ({byPoint.InseeCode}).";
            }
            return new PlaceResolution(PlaceOf(byPoint, point, address, discrepancy), null);
        }

        if (byCode is not null)
        {
            var discrepancy = point is null ? null : "Le point transmis n'est dans aucune commune connue : commune prise du code INSEE.";
            return new PlaceResolution(PlaceOf(byCode, point, address, discrepancy), null);
        }

        return PlaceResolution.Refused(point is null
            ? $"Lieu introuvable : le code INSEE « {sentCode} » ne désigne aucune commune et le message n'a pas de coordonnées."
            : $"Lieu introuvable : le point ({point.Value.Latitude:0.#####}, {point.Value.Longitude:0.#####}) n'est dans aucune commune et le code INSEE « {sentCode} » est inconnu.");
    }

    /// <summary>Places a position given by points and free address text only: the first point inside a commune decides.</summary>
    public IncidentPlace? Resolve(IEnumerable<GeoPoint> points, string? address)
    {
        foreach (var point in points)
        {
            if (geography.LocateCommune(point.Latitude, point.Longitude) is { } commune)
            {
                return PlaceOf(commune, point, address, null);
            }
        }
        return null;
    }

    private IncidentPlace PlaceOf(Commune commune, GeoPoint? point, string? address, string? discrepancy)
    {
        var department = geography.DepartmentOf(commune);
        return new IncidentPlace(commune.InseeCode, commune.Name, department.Code, department.ZoneCode,
            point?.Latitude, point?.Longitude, address, discrepancy);
    }
}
