using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Geometries;

namespace Enki.Domain.Geography;

/// <summary>
/// Administrative geography of France: defence zones, regions, departments and current communes,
/// with point-to-commune location. Immutable once built, so one instance can serve every circuit.
/// </summary>
/// <remarks>
/// Departments absent from the defence zone table (overseas collectivities such as 975, 977, 978,
/// 984, 986-989) have an empty zone code: <see cref="ZoneOf"/> returns null for their communes.
/// </remarks>
public sealed class FrenchGeography
{
    private readonly Dictionary<string, DefenceZone> _zonesByCode;
    private readonly Dictionary<string, Department> _departmentsByCode;
    private readonly Dictionary<string, Commune> _communesByCode;
    private readonly Dictionary<string, IReadOnlyList<Department>> _departmentsByZone;
    private readonly Dictionary<string, IReadOnlyList<Commune>> _communesByZone;
    private readonly Dictionary<string, IReadOnlyList<Commune>> _communesByDepartment;
    private readonly CommuneLocator _locator;
    private readonly Dictionary<string, Geometry> _outlinesByCode;
    private readonly Lazy<TerritoryNames> _names;

    /// <param name="communeOutlines">Outline (polygon or multipolygon, WGS 84 lon/lat) per current INSEE code.</param>
    /// <exception cref="ArgumentException">The lists are inconsistent (unknown or duplicate codes).</exception>
    public FrenchGeography(
        IEnumerable<DefenceZone> zones,
        IEnumerable<Region> regions,
        IEnumerable<Department> departments,
        IEnumerable<Commune> communes,
        IReadOnlyDictionary<string, Geometry> communeOutlines)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(communeOutlines);

        Zones = SortedReadOnly(zones, z => z.Code);
        Regions = SortedReadOnly(regions, r => r.Code);
        Departments = SortedReadOnly(departments, d => d.Code);
        Communes = SortedReadOnly(communes, c => c.InseeCode);

        _zonesByCode = IndexByCode(Zones, z => z.Code, "zone");
        _departmentsByCode = IndexByCode(Departments, d => d.Code, "department");
        _communesByCode = IndexByCode(Communes, c => c.InseeCode, "commune");
        var regionsByCode = IndexByCode(Regions, r => r.Code, "region");

        foreach (var department in Departments)
        {
            Require(regionsByCode.ContainsKey(department.RegionCode), $"Department {department.Code} has unknown region {department.RegionCode}.");
            Require(department.ZoneCode.Length == 0 || _zonesByCode.ContainsKey(department.ZoneCode), $"Department {department.Code} has unknown zone {department.ZoneCode}.");
        }

        foreach (var commune in Communes)
        {
            Require(_departmentsByCode.ContainsKey(commune.DepartmentCode), $"Commune {commune.InseeCode} has unknown department {commune.DepartmentCode}.");
        }

        _communesByDepartment = GroupByCode(Communes, c => c.DepartmentCode);
        _departmentsByZone = GroupByCode(Departments.Where(d => d.ZoneCode.Length > 0), d => d.ZoneCode);
        _communesByZone = GroupByCode(Communes.Where(c => DepartmentOf(c).ZoneCode.Length > 0), c => DepartmentOf(c).ZoneCode);

        _outlinesByCode = new Dictionary<string, Geometry>(communeOutlines, GeographyCode.Comparer);
        _locator = new CommuneLocator(communeOutlines.Select(entry =>
        {
            Require(_communesByCode.TryGetValue(entry.Key, out var commune), $"Outline for unknown commune {entry.Key}.");
            return (commune!, entry.Value);
        }));
        // Built at the first search, not at every load (most geographies built by tests are never searched).
        _names = new Lazy<TerritoryNames>(() => new TerritoryNames(this));
    }

    /// <summary>Every territory with its name's search key, computed once.</summary>
    internal TerritoryNames Names => _names.Value;

    public IReadOnlyList<DefenceZone> Zones { get; }

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<Department> Departments { get; }

    public IReadOnlyList<Commune> Communes { get; }

    public Commune? FindCommune(string? inseeCode) => Find(_communesByCode, inseeCode);

    public Department? FindDepartment(string? code) => Find(_departmentsByCode, code);

    public DefenceZone? FindZone(string? code) => Find(_zonesByCode, code);

    /// <summary>Current commune containing the WGS 84 point, or null outside every known outline (sea, abroad).</summary>
    public Commune? LocateCommune(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return null;
        }

        return _locator.Locate(latitude, longitude);
    }

    /// <summary>Outline (WGS 84 lon/lat) of a current commune, or null when the code is unknown or has no outline.</summary>
    public Geometry? OutlineOf(string? inseeCode) => Find(_outlinesByCode, inseeCode);

    /// <summary>
    /// Distance in metres from a WGS 84 point to a commune's outline (0 inside), null when the commune
    /// has no outline. Measured on the sphere between the point and the outline's nearest point.
    /// </summary>
    public double? DistanceToOutlineMetres(string inseeCode, double latitude, double longitude)
    {
        if (OutlineOf(inseeCode) is not { } outline)
        {
            return null;
        }
        var point = outline.Factory.CreatePoint(new Coordinate(longitude, latitude));
        if (outline.Covers(point))
        {
            return 0;
        }
        var nearest = DistanceOp.NearestPoints(outline, point)[0];
        return GreatCircleMetres(latitude, longitude, nearest.Y, nearest.X);
    }

    private static double GreatCircleMetres(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadius = 6_371_008.8;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Department of a commune of this geography.</summary>
    /// <exception cref="ArgumentException">The commune's department is unknown (a commune built elsewhere).</exception>
    public Department DepartmentOf(Commune commune)
    {
        ArgumentNullException.ThrowIfNull(commune);
        return _departmentsByCode.TryGetValue(commune.DepartmentCode, out var department)
            ? department
            : throw new ArgumentException($"Unknown department {commune.DepartmentCode}.", nameof(commune));
    }

    /// <summary>Defence zone of the commune, or null when its department belongs to none (or the commune is unknown).</summary>
    public DefenceZone? ZoneOf(Commune? commune)
    {
        if (commune is null || !_departmentsByCode.TryGetValue(commune.DepartmentCode, out var department))
        {
            return null;
        }

        return FindZone(department.ZoneCode);
    }

    public IReadOnlyList<Department> DepartmentsOfZone(string? zoneCode) => FindGroup(_departmentsByZone, zoneCode);

    public IReadOnlyList<Commune> CommunesOfZone(string? zoneCode) => FindGroup(_communesByZone, zoneCode);

    public IReadOnlyList<Commune> CommunesOfDepartment(string? code) => FindGroup(_communesByDepartment, code);

    private static T? Find<T>(Dictionary<string, T> byCode, string? code) where T : class =>
        GeographyCode.Normalize(code) is { } key && byCode.TryGetValue(key, out var value) ? value : null;

    private static IReadOnlyList<T> FindGroup<T>(Dictionary<string, IReadOnlyList<T>> groups, string? code) =>
        Find(groups, code) ?? [];

    private static IReadOnlyList<T> SortedReadOnly<T>(IEnumerable<T> items, Func<T, string> code) =>
        items.OrderBy(code, StringComparer.Ordinal).ToArray().AsReadOnly();

    private static Dictionary<string, T> IndexByCode<T>(IEnumerable<T> items, Func<T, string> code, string kind)
    {
        var index = new Dictionary<string, T>(GeographyCode.Comparer);
        foreach (var item in items)
        {
            Require(index.TryAdd(code(item), item), $"Duplicate {kind} code {code(item)}.");
        }

        return index;
    }

    private static Dictionary<string, IReadOnlyList<T>> GroupByCode<T>(IEnumerable<T> items, Func<T, string> code) =>
        items.GroupBy(code, GeographyCode.Comparer)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToArray().AsReadOnly(), GeographyCode.Comparer);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
