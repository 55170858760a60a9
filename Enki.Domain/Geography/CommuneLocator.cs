using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Enki.Domain.Geography;

/// <summary>
/// Point-in-commune lookup: an STR-tree over the envelope of every outline polygon,
/// then an exact test against the prepared polygon (whose segment index NTS builds lazily
/// and thread-safely on first use, so memory only grows for communes actually queried).
/// </summary>
internal sealed class CommuneLocator
{
    private readonly STRtree<LocatablePolygon> _index = new();
    private readonly GeometryFactory _pointFactory = new(new PrecisionModel(), 4326);

    public CommuneLocator(IEnumerable<(Commune Commune, Geometry Outline)> outlines)
    {
        foreach (var (commune, outline) in outlines)
        {
            // One entry per polygon rather than per commune: exclaves get tight envelopes.
            for (var i = 0; i < outline.NumGeometries; i++)
            {
                if (outline.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
                {
                    _index.Insert(polygon.EnvelopeInternal, new LocatablePolygon(commune, PreparedGeometryFactory.Prepare(polygon)));
                }
            }
        }

        // Built eagerly: a built STR-tree is read-only, hence safe for concurrent queries.
        _index.Build();
    }

    public Commune? Locate(double latitude, double longitude)
    {
        var point = _pointFactory.CreatePoint(new Coordinate(longitude, latitude));
        foreach (var candidate in _index.Query(point.EnvelopeInternal))
        {
            // Intersects rather than Contains: a point exactly on a border still gets a commune.
            if (candidate.Outline.Intersects(point))
            {
                return candidate.Commune;
            }
        }

        return null;
    }

    private sealed record LocatablePolygon(Commune Commune, IPreparedGeometry Outline);
}
