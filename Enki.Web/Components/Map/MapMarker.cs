using System.Globalization;
using System.Text.Json;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;

namespace Enki.Web.Components.Map;

/// <summary>An incident as <c>showIncidents</c> in wwwroot/js/map.js takes it (serialized camelCase), texts already in French.</summary>
/// <param name="Opened">Opening time in the territory's own time, « 28/11/2026 à 10:05 ».</param>
internal sealed record MapMarker(Guid Id, double Lat, double Lon, string Family, string Nature, string Commune, string Status, bool Active, string Opened)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static MapMarker From(IncidentMarker marker) => new(
        marker.Id, marker.Latitude, marker.Longitude, marker.NatureFamily, marker.NatureLabel, marker.CommuneName,
        marker.Status.French(), marker.Status.IsActive(),
        TerritoryClock.Local(marker.OpenedAt, marker.DepartmentCode).ToString("dd/MM/yyyy 'à' HH:mm", French));
}

/// <summary>Options of <c>showIncidents</c>: clustering at wide scales, legend unless compact, family labels.</summary>
internal sealed record IncidentLayerOptions(bool Cluster, bool Legend, IReadOnlyDictionary<string, FamilyStyle> Families)
{
    private static readonly byte[][] Serialized = [.. Enumerable.Range(0, 4).Select(i =>
        JsonSerializer.SerializeToUtf8Bytes(new IncidentLayerOptions(i >= 2, i % 2 == 1, FamilyStyle.All), JsonSerializerOptions.Web))];

    /// <summary>
    /// The four possible options as UTF-8 JSON, serialized once: passed as objects, each circuit's
    /// JS runtime would build and keep its own serializer metadata for them.
    /// </summary>
    public static byte[] Json(bool cluster, bool legend) => Serialized[(cluster ? 2 : 0) + (legend ? 1 : 0)];
}

/// <summary>How the map draws a nature family: the console's one palette, sent to the JS module.</summary>
internal sealed record FamilyStyle(string Label, string Colour)
{
    public static IReadOnlyDictionary<string, FamilyStyle> All { get; } =
        Incidents.Shared.NatureFamilies.All.ToDictionary(f => f.Code, f => new FamilyStyle(f.Label, f.Colour));
}

/// <summary>Options of <c>showChoropleth</c>.</summary>
internal sealed record ChoroplethOptions(bool Legend);
