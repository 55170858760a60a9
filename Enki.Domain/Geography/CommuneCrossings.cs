using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Enki.Domain.Geography;

/// <summary>
/// The communes a line (a river section) runs through or touches: an STR-tree over the communes' outline
/// envelopes, then an exact intersection with each candidate. Built once per geography, at the first question.
/// </summary>
public sealed class CommuneCrossings(FrenchGeography geography)
{
    private static readonly ConditionalWeakTable<FrenchGeography, Lazy<STRtree<(Commune Commune, Geometry Outline)>>> Indexes = [];

    private readonly Lazy<STRtree<(Commune Commune, Geometry Outline)>> _index = Indexes.GetValue(geography, g => new(() => Build(g)));

    private static STRtree<(Commune Commune, Geometry Outline)> Build(FrenchGeography geography)
    {
        var tree = new STRtree<(Commune, Geometry)>();
        foreach (var commune in geography.Communes)
        {
            if (geography.OutlineOf(commune.InseeCode) is { IsEmpty: false } outline) tree.Insert(outline.EnvelopeInternal, (commune, outline));
        }
        tree.Build();
        return tree;
    }

    /// <summary>Communes the geometry (WGS 84 lon/lat) intersects, by INSEE code.</summary>
    public IReadOnlyList<Commune> Of(Geometry line)
    {
        if (line.IsEmpty) return [];
        var prepared = PreparedGeometryFactory.Prepare(line);
        return _index.Value.Query(line.EnvelopeInternal)
            .Where(c => prepared.Intersects(c.Outline))
            .Select(c => c.Commune)
            .OrderBy(c => c.InseeCode, StringComparer.Ordinal)
            .ToList();
    }
}
