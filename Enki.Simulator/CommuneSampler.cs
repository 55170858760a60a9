using Enki.Domain.Geography;
using System.Collections.Concurrent;

namespace Enki.Simulator;

/// <summary>
/// Draws the communes of a department by population (the demo communes are lifted to a minimum share
/// so a short demonstration shows them incidents), and points inside a commune that
/// <see cref="FrenchGeography.LocateCommune"/> maps back to the same commune.
/// </summary>
public sealed class CommuneSampler
{
    /// <summary>Communes of the demo mayors (Chelles, Guichen): drawn at least this share of their department's draws.</summary>
    public static readonly IReadOnlyDictionary<string, double> DemoCommuneShares = new Dictionary<string, double>
    {
        ["77108"] = 0.05,
        // Guichen's department plays smaller scenarios: a larger share gives its mayor a living console too.
        ["35126"] = 0.15,
    };

    private const int PointAttempts = 60;

    private readonly FrenchGeography _geography;
    private readonly ConcurrentDictionary<string, (double Latitude, double Longitude)> _centroids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WeightedCommunes> _byDepartment = new(StringComparer.OrdinalIgnoreCase);

    public CommuneSampler(FrenchGeography geography)
    {
        ArgumentNullException.ThrowIfNull(geography);
        _geography = geography;
    }

    /// <summary>The geography the points are located against.</summary>
    public FrenchGeography Geography => _geography;

    /// <summary>A commune of the department, drawn with a probability proportional to its population.</summary>
    /// <exception cref="ArgumentException">The department is unknown or has no inhabited commune.</exception>
    public Commune DrawCommune(string departmentCode, Random random) => Weighted(departmentCode).Draw(random);

    /// <summary>A commune of the department drawn among the small ones (rural, wooded land), uniformly.</summary>
    public Commune DrawRuralCommune(string departmentCode, Random random)
    {
        var rural = Weighted(departmentCode).Rural;
        return rural[random.Next(rural.Count)];
    }

    /// <summary>The communes of the department whose centroid lies within <paramref name="radiusKm"/> of the commune's.</summary>
    public IReadOnlyList<Commune> Neighbours(Commune commune, double radiusKm)
    {
        var centre = Centroid(commune);
        return _geography.CommunesOfDepartment(commune.DepartmentCode)
            .Where(c => _geography.OutlineOf(c.InseeCode) is not null && DistanceKm(centre, Centroid(c)) <= radiusKm)
            .ToArray();
    }

    /// <summary>
    /// A point (latitude, longitude, 6 decimals) inside the commune: rejection sampling in the outline's
    /// envelope, kept only when <see cref="FrenchGeography.LocateCommune"/> finds this very commune;
    /// falls back to an interior point, then to the centroid.
    /// </summary>
    public (double Latitude, double Longitude) DrawPoint(Commune commune, Random random)
    {
        ArgumentNullException.ThrowIfNull(commune);
        var outline = _geography.OutlineOf(commune.InseeCode);
        if (outline is null)
        {
            throw new ArgumentException($"Commune {commune.InseeCode} has no outline.", nameof(commune));
        }

        var envelope = outline.EnvelopeInternal;
        for (var attempt = 0; attempt < PointAttempts; attempt++)
        {
            var candidate = Round(envelope.MinY + random.NextDouble() * envelope.Height, envelope.MinX + random.NextDouble() * envelope.Width);
            if (IsIn(commune, candidate))
            {
                return candidate;
            }
        }

        var interior = outline.InteriorPoint;
        var fallback = Round(interior.Y, interior.X);
        return IsIn(commune, fallback) ? fallback : Round(outline.Centroid.Y, outline.Centroid.X);
    }

    /// <summary>Centroid (latitude, longitude) of the commune's outline.</summary>
    public (double Latitude, double Longitude) Centroid(Commune commune) => _centroids.GetOrAdd(commune.InseeCode, code =>
    {
        var centroid = (_geography.OutlineOf(code) ?? throw new ArgumentException($"Commune {code} has no outline.", nameof(commune))).Centroid;
        return (centroid.Y, centroid.X);
    });

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double DistanceKm((double Latitude, double Longitude) a, (double Latitude, double Longitude) b)
    {
        const double EarthRadiusKm = 6371;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(h));
    }

    private bool IsIn(Commune commune, (double Latitude, double Longitude) point) =>
        _geography.LocateCommune(point.Latitude, point.Longitude)?.InseeCode == commune.InseeCode;

    private static (double, double) Round(double latitude, double longitude) => (Math.Round(latitude, 6), Math.Round(longitude, 6));

    private WeightedCommunes Weighted(string departmentCode)
    {
        lock (_byDepartment)
        {
            if (!_byDepartment.TryGetValue(departmentCode, out var weighted))
            {
                var communes = _geography.CommunesOfDepartment(departmentCode)
                    .Where(c => c.Population > 0 && _geography.OutlineOf(c.InseeCode) is not null)
                    .ToArray();
                if (communes.Length == 0)
                {
                    throw new ArgumentException($"Department {departmentCode} is unknown or has no inhabited commune with an outline.", nameof(departmentCode));
                }

                weighted = new WeightedCommunes(communes);
                _byDepartment[departmentCode] = weighted;
            }

            return weighted;
        }
    }

    private sealed class WeightedCommunes
    {
        private readonly Commune[] _communes;
        private readonly double[] _cumulative;

        public WeightedCommunes(Commune[] communes)
        {
            _communes = communes;
            _cumulative = new double[communes.Length];
            double total = communes.Sum(c => (double)c.Population);
            double sum = 0;
            for (var i = 0; i < communes.Length; i++)
            {
                var weight = (double)communes[i].Population;
                if (DemoCommuneShares.TryGetValue(communes[i].InseeCode, out var share))
                {
                    weight = Math.Max(weight, share * total);
                }

                sum += weight;
                _cumulative[i] = sum;
            }

            // Small communes stand for the wooded countryside of forest fires.
            var rural = communes.Where(c => c.Population < 3000).ToArray();
            Rural = rural.Length > 0 ? rural : communes;
        }

        public IReadOnlyList<Commune> Rural { get; }

        public Commune Draw(Random random)
        {
            var target = random.NextDouble() * _cumulative[^1];
            var index = Array.BinarySearch(_cumulative, target);
            index = index < 0 ? ~index : index;
            return _communes[Math.Min(index, _communes.Length - 1)];
        }
    }
}
