using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>Who may open a crisis over which territory.</summary>
public static class CrisisCreationRules
{
    /// <summary>Operational profiles open crises anywhere inside their jurisdiction; a mayor over their own commune only.</summary>
    public static bool MayCreateAny(Viewer viewer) => viewer.Profile is not null;

    /// <summary>French reasons for refusal; empty when allowed.</summary>
    public static IReadOnlyList<string> Validate(Viewer creator, IReadOnlyList<Jurisdiction> territories, ITerritoryDirectory directory)
    {
        if (!MayCreateAny(creator))
        {
            return ["Vous n'êtes pas habilité à ouvrir une crise."];
        }
        if (territories.Count == 0)
        {
            return ["Indiquez au moins une commune ou un département."];
        }
        var errors = new List<string>();
        foreach (var territory in territories)
        {
            if (territory.Kind is not (JurisdictionKind.Commune or JurisdictionKind.Departement))
            {
                errors.Add($"{territory.Label} : seules des communes et des départements peuvent composer le territoire.");
            }
            else if (creator.Profile == Profile.Maire && territory != creator.Jurisdiction)
            {
                errors.Add($"{territory.Label} : un maire ouvre une crise sur sa seule commune.");
            }
            else if (!creator.Jurisdiction.Includes(territory, directory))
            {
                errors.Add($"{territory.Label} est hors de votre périmètre.");
            }
        }
        return errors;
    }
}
