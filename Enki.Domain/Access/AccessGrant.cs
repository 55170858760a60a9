namespace Enki.Domain.Access;

/// <summary>Checks that a profile and jurisdiction may be given, and by whom.</summary>
public static class AccessGrant
{
    /// <summary>French reasons for refusal; empty when the grant is allowed.</summary>
    public static IReadOnlyList<string> Validate(Viewer granter, Profile profile, Jurisdiction jurisdiction, ITerritoryDirectory directory)
    {
        var errors = new List<string>();
        if (!granter.CanManageAccounts)
        {
            errors.Add("Vous n'êtes pas habilité à gérer des comptes.");
            return errors;
        }
        if (profile.RequiredKind() != jurisdiction.Kind)
        {
            errors.Add($"Le profil « {profile.Label()} » exige un périmètre de type {KindLabel(profile.RequiredKind())}.");
            return errors;
        }
        var code = jurisdiction.Code;
        var exists = jurisdiction.Kind switch
        {
            JurisdictionKind.Zone => directory.ZoneExists(code!),
            JurisdictionKind.Departement => directory.DepartmentExists(code!),
            JurisdictionKind.Commune => directory.CommuneExists(code!),
            _ => true,
        };
        if (!exists)
        {
            errors.Add($"{jurisdiction.Label} : code inconnu.");
            return errors;
        }
        if (!granter.IsAdministrator)
        {
            if (!profile.GrantableByPrefecture())
            {
                errors.Add($"Une préfecture ne peut pas attribuer le profil « {profile.Label()} ».");
            }
            if (!granter.Covers(Territory.Of(jurisdiction, directory)))
            {
                errors.Add($"{jurisdiction.Label} est hors de votre département.");
            }
        }
        return errors;
    }

    public static string KindLabel(JurisdictionKind kind) => kind switch
    {
        JurisdictionKind.National => "national",
        JurisdictionKind.Zone => "zone de défense",
        JurisdictionKind.Departement => "département",
        _ => "commune",
    };
}
