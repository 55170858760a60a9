using Enki.Domain.Access;

namespace Enki.Domain.Warnings;

public enum WarningOwnerKind
{
    /// <summary>A service: every account of that profile and jurisdiction (a commune's mairie, a department's préfecture).</summary>
    Organisation,

    /// <summary>One Enki account.</summary>
    Person,
}

/// <summary>
/// Who a rule belongs to and a warning is for: an organisation, named as crisis participants are
/// (<c>commune:77108#Maire</c>), or a person by account id. Either way with its jurisdiction, which
/// bounds every rule it owns.
/// </summary>
public sealed record WarningOwner(WarningOwnerKind Kind, string Code, Jurisdiction Jurisdiction, Profile Profile)
{
    public static WarningOwner Organisation(Profile profile, Jurisdiction jurisdiction) =>
        new(WarningOwnerKind.Organisation, OrganisationKey(profile, jurisdiction), jurisdiction, profile);

    public static WarningOwner Person(string userId, Profile profile, Jurisdiction jurisdiction) =>
        new(WarningOwnerKind.Person, userId, jurisdiction, profile);

    /// <summary>The organisation a person belongs to for warnings: their profile over their jurisdiction.</summary>
    public static string OrganisationKey(Profile profile, Jurisdiction jurisdiction) => $"{jurisdiction}#{profile.Code()}";

    public static WarningOwner OrganisationOf(Viewer viewer) =>
        Organisation(viewer.Profile ?? throw new WarningRefused("Un compte sans profil ne reçoit pas d'avertissement."), viewer.Jurisdiction);

    public override string ToString() => Kind == WarningOwnerKind.Organisation ? Code : $"personne:{Code}";
}
