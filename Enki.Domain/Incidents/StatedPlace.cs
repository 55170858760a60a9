namespace Enki.Domain.Incidents;

/// <summary>A WGS 84 point.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>Where a message says an incident is, before it is checked against the geography.</summary>
/// <param name="InseeCode">The commune code as stated (sometimes a postal code).</param>
/// <param name="Address">Street address or place name, shown as is.</param>
public sealed record StatedPlace(string? InseeCode, GeoPoint? Point, string? Address);
