namespace Enki.Domain.Access;

/// <summary>What a person does in a crisis; it fixes the kind of territory they answer for.</summary>
public enum Profile
{
    Mayor,
    Prefecture,
    Sdis,
    Coz,
    Cogic,
    Administrator,
}

public static class ProfileRules
{
    public static string Label(this Profile profile) => profile switch
    {
        Profile.Mayor => "Maire",
        Profile.Prefecture => "Préfecture",
        Profile.Sdis => "SDIS / CODIS",
        Profile.Coz => "COZ (zone de défense)",
        Profile.Cogic => "COGIC",
        Profile.Administrator => "Administrateur",
        _ => profile.ToString(),
    };

    /// <summary>
    /// The profile's code wherever it is written down: database, sign-in claims, the API, and crisis participant
    /// references (<c>departement:77#Prefecture</c>, composed here). Fixed strings, so C# names may change.
    /// </summary>
    public static string Code(this Profile profile) => profile switch
    {
        Profile.Mayor => "Maire",
        Profile.Prefecture => "Prefecture",
        Profile.Sdis => "Sdis",
        Profile.Coz => "Coz",
        Profile.Cogic => "Cogic",
        Profile.Administrator => "Administrateur",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    /// <summary>The only jurisdiction kind each profile may hold.</summary>
    public static JurisdictionKind RequiredKind(this Profile profile) => profile switch
    {
        Profile.Mayor => JurisdictionKind.Commune,
        Profile.Prefecture or Profile.Sdis => JurisdictionKind.Department,
        Profile.Coz => JurisdictionKind.Zone,
        _ => JurisdictionKind.National,
    };
}
