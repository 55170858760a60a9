namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    public const string SelfAccessRefusal = "Vous ne pouvez pas modifier votre propre profil ni votre périmètre.";
    public const string SelfDisableRefusal = "Vous ne pouvez pas désactiver votre propre compte.";

    /// <summary>Administrators manage every account; a préfecture the accounts of its department.</summary>
    public static bool MayManageAccounts(Viewer viewer) =>
        viewer.Profile is Profile.Administrator or Profile.Prefecture;

    /// <summary>The accounts a manager sees (located at their jurisdiction), none for anyone else.</summary>
    public static bool SeesAccount(Viewer viewer, ILocatedInTerritory account) =>
        MayManageAccounts(viewer) && viewer.Covers(account);

    /// <summary>
    /// Whether <paramref name="viewer"/> may change the profile and jurisdiction of an account, or
    /// disable it: never their own (a préfecture made itself SDIS that way), only one they see.
    /// </summary>
    public static bool MayChangeAccessOf(Viewer viewer, string accountId) =>
        MayManageAccounts(viewer) && accountId != viewer.Id;

    /// <summary>Profiles <paramref name="granter"/> may hand out: all for an administrator, the department's for a préfecture.</summary>
    public static IReadOnlyList<Profile> GrantableProfiles(Viewer granter) => granter.Profile switch
    {
        Profile.Administrator => Enum.GetValues<Profile>(),
        Profile.Prefecture => [Profile.Mayor, Profile.Prefecture, Profile.Sdis],
        _ => [],
    };

    /// <summary>
    /// French reasons for refusing a grant; empty when <paramref name="granter"/> may give that profile
    /// and jurisdiction to the account <paramref name="accountId"/> (null for a new account).
    /// </summary>
    public static IReadOnlyList<string> GrantErrors(Viewer granter, string? accountId, Profile profile, Jurisdiction jurisdiction,
        ITerritoryDirectory directory)
    {
        if (!MayManageAccounts(granter)) return ["Vous n'êtes pas habilité à gérer des comptes."];
        if (accountId is not null && !MayChangeAccessOf(granter, accountId)) return [SelfAccessRefusal];
        if (profile.RequiredKind() != jurisdiction.Kind)
        {
            return [$"Le profil « {profile.Label()} » exige un périmètre de type {KindLabel(profile.RequiredKind())}."];
        }
        if (!Jurisdiction.Exists(jurisdiction, directory)) return [$"{jurisdiction.Label} : code inconnu."];
        var errors = new List<string>();
        if (!GrantableProfiles(granter).Contains(profile))
        {
            errors.Add($"Une préfecture ne peut pas attribuer le profil « {profile.Label()} ».");
        }
        if (!granter.Jurisdiction.Includes(jurisdiction, directory))
        {
            errors.Add($"{jurisdiction.Label} est hors de votre département.");
        }
        return errors;
    }

    public static string KindLabel(JurisdictionKind kind) => kind switch
    {
        JurisdictionKind.National => "national",
        JurisdictionKind.Zone => "zone de défense",
        JurisdictionKind.Department => "département",
        _ => "commune",
    };

}
