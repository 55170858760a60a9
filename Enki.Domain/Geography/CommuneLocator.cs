using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Enki.Domain.Geography;

/// <summary>
/// Point-in-commune lookup: an STR-tree over the envelope of every outline polygon, then an exact
/// point-in-polygon test. Large polygons are prepared (NTS builds their segment index lazily and
/// thread-safely); small ones, the vast majority, are scanned directly because a prepared index costs
/// about 160 bytes per segment: preparing all of them would grow the heap by ~340 MB over time.
/// </summary>
internal sealed class CommuneLocator
{
    // Below this many vertices a plain ray-crossing scan is about as fast as the prepared index.
    private const int PrepareThreshold = 256;

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
                    _index.Insert(polygon.EnvelopeInternal, LocatablePolygon.Create(commune, polygon));
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
            if (candidate.Covers(point))
            {
                return candidate.Commune;
            }
        }

        return null;
    }

    private sealed class LocatablePolygon(Commune commune, Polygon outline, IPreparedGeometry? prepared)
    {
        public Commune Commune { get; } = commune;

        public static LocatablePolygon Create(Commune commune, Polygon outline) =>
            new(commune, outline, outline.NumPoints > PrepareThreshold ? PreparedGeometryFactory.Prepare(outline) : null);

        // Covers rather than Contains: a point exactly on a border still gets a commune.
        public bool Covers(Point point) => prepared?.Covers(point)
            ?? SimplePointInAreaLocator.Locate(point.Coordinate, outline) != Location.Exterior;
    }
}
