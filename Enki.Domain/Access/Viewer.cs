namespace Enki.Domain.Access;

/// <summary>
/// Who is asking: every query service takes one and narrows to <see cref="Jurisdiction"/>.
/// Partners calling the API are viewers too, with no profile. What a viewer may do is decided by
/// <see cref="AccessPolicy"/> alone.
/// </summary>
public sealed record Viewer(string Id, string Name, Profile? Profile, Jurisdiction Jurisdiction)
{
    public bool Covers(ILocatedInTerritory located) => Jurisdiction.Covers(located);
}
