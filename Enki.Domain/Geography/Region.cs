namespace Enki.Domain.Geography;

/// <summary>A region (overseas collectivities appear as their own pseudo-region, as in the COG).</summary>
public sealed record Region(string Code, string Name);
