namespace Enki.Domain.Geography;

/// <summary>
/// A department, or an overseas collectivity listed like one in the COG (975, 977, 978, 984, 986-989).
/// <see cref="ZoneCode"/> is empty when the department belongs to no defence zone of the reference table.
/// </summary>
public sealed record Department(string Code, string Name, string RegionCode, string ZoneCode);
