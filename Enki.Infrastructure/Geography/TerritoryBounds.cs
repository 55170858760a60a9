using System.Collections.Concurrent;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using NetTopologySuite.Geometries;

namespace Enki.Infrastructure.Geography;

/// <summary>South-west and north-east corners (WGS 84) of a territory, for framing a map.</summary>
public sealed record GeoBounds(double South, double West, double North, double East)
{
    /// <summary>Leaflet's <c>[[south, west], [north, east]]</c>.</summary>
    public double[][] ToLeaflet() => [[South, West], [North, East]];
}

/// <summary>Bounds of communes, departments and zones, computed from the commune outlines and cached.</summary>
public sealed class TerritoryBounds(FrenchGeography geography)
{
    private readonly ConcurrentDictionary<Jurisdiction, GeoBounds?> _cache = new();

    /// <summary>Bounds of the territory; null for national (the map frames metropolitan France) or an unknown code.</summary>
    public GeoBounds? Of(Jurisdiction scope) =>
        scope.Kind == JurisdictionKind.National ? null : _cache.GetOrAdd(scope, Compute);

    private GeoBounds? Compute(Jurisdiction scope)
    {
        var communes = scope.Kind switch
        {
            JurisdictionKind.Commune => [scope.Code!],
            JurisdictionKind.Department => geography.CommunesOfDepartment(scope.Code).Select(c => c.InseeCode),
            _ => geography.CommunesOfZone(scope.Code).Select(c => c.InseeCode),
        };
        var envelope = new Envelope();
        foreach (var code in communes)
        {
            if (geography.OutlineOf(code) is { } outline) envelope.ExpandToInclude(outline.EnvelopeInternal);
        }
        return envelope.IsNull ? null : new GeoBounds(envelope.MinY, envelope.MinX, envelope.MaxY, envelope.MaxX);
    }
}
