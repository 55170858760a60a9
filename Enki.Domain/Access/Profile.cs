namespace Enki.Domain.Access;

/// <summary>What a person does in a crisis; it fixes the kind of territory they answer for.</summary>
public enum Profile
{
    Maire,
    Prefecture,
    Sdis,
    Coz,
    Cogic,
    Administrateur,
}

public static class ProfileRules
{
    public static string Label(this Profile profile) => profile switch
    {
        Profile.Maire => "Maire",
        Profile.Prefecture => "Préfecture",
        Profile.Sdis => "SDIS / CODIS",
        Profile.Coz => "COZ (zone de défense)",
        Profile.Cogic => "COGIC",
        Profile.Administrateur => "Administrateur",
        _ => profile.ToString(),
    };

    /// <summary>
    /// The profile's code wherever it is written down: database, sign-in claims, the API, and crisis participant
    /// references (<c>departement:77#Prefecture</c>, composed here). Fixed strings, so C# names may change.
    /// </summary>
    public static string Code(this Profile profile) => profile switch
    {
        Profile.Maire => "Maire",
        Profile.Prefecture => "Prefecture",
        Profile.Sdis => "Sdis",
        Profile.Coz => "Coz",
        Profile.Cogic => "Cogic",
        Profile.Administrateur => "Administrateur",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    /// <summary>The only jurisdiction kind each profile may hold.</summary>
    public static JurisdictionKind RequiredKind(this Profile profile) => profile switch
    {
        Profile.Maire => JurisdictionKind.Commune,
        Profile.Prefecture or Profile.Sdis => JurisdictionKind.Departement,
        Profile.Coz => JurisdictionKind.Zone,
        _ => JurisdictionKind.National,
    };
}
