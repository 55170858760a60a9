using System.Runtime.CompilerServices;
using Enki.Domain.Geography;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The populations of every commune of a geography, once per geography: looked up by department (<see cref="DepartmentPopulations"/>),
/// and named by a fingerprint that <see cref="TouchedDepartmentDay"/> rows keep, so a row summed with another geography's populations
/// is never taken as this one's.
/// </summary>
internal sealed class GeographyPopulations
{
    private static readonly ConditionalWeakTable<FrenchGeography, GeographyPopulations> Cache = [];

    private GeographyPopulations(FrenchGeography geography)
    {
        ByDepartment = new DepartmentPopulations(geography.Communes);
        Fingerprint = FingerprintOf(geography.Communes);
    }

    public DepartmentPopulations ByDepartment { get; }

    /// <summary>Never 0, the value of the rows written before the rows held their sums.</summary>
    public int Fingerprint { get; }

    public static GeographyPopulations Of(FrenchGeography geography) => Cache.GetValue(geography, g => new GeographyPopulations(g));

    /// <summary>FNV-1a over each commune's code and population in code order: the same in every process, unlike string hashes.</summary>
    private static int FingerprintOf(IEnumerable<Commune> communes)
    {
        var hash = 2166136261u;
        foreach (var commune in communes.OrderBy(c => c.InseeCode, StringComparer.Ordinal))
        {
            foreach (var c in commune.InseeCode) hash = (hash ^ c) * 16777619u;
            hash = (hash ^ (uint)commune.Population) * 16777619u;
        }
        return hash == 0 ? 1 : (int)hash;
    }
}
