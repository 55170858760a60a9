namespace Enki.Domain.Access;

/// <summary>
/// Who is asking: every query service takes one and narrows to <see cref="Jurisdiction"/>.
/// Partners calling the API are viewers too, with no profile.
/// </summary>
public sealed record Viewer(string Id, string Name, Profile? Profile, Jurisdiction Jurisdiction)
{
    public bool IsAdministrator => Profile == Access.Profile.Administrateur;

    /// <summary>Administrators manage every account; a préfecture the accounts of its department.</summary>
    public bool CanManageAccounts => IsAdministrator || Profile == Access.Profile.Prefecture;

    public bool Covers(ILocatedInTerritory located) => Jurisdiction.Covers(located);
}
