namespace Enki.Domain.Directory;

/// <summary>What an organisation of the directory is, for filtering and for picking recipients.</summary>
public enum OrganisationKind
{
    TownHall,
    Prefecture,
    Sdis,
    Coz,
    Cogic,
    Partner,
    Other,
}

public static class OrganisationKinds
{
    public static string Label(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.TownHall => "Mairie",
        OrganisationKind.Prefecture => "Préfecture",
        OrganisationKind.Sdis => "SDIS",
        OrganisationKind.Coz => "COZ",
        OrganisationKind.Cogic => "COGIC",
        OrganisationKind.Partner => "Partenaire",
        _ => "Autre",
    };

    /// <summary>Reads a kind from its label or name, accents and case ignored (« préfecture », « SDIS »).</summary>
    public static bool TryParse(string? text, out OrganisationKind kind)
    {
        var key = SearchText.Normalise(text);
        foreach (var candidate in Enum.GetValues<OrganisationKind>())
        {
            if (SearchText.Normalise(candidate.Label()) == key || SearchText.Normalise(candidate.ToString()) == key)
            {
                kind = candidate;
                return true;
            }
        }
        kind = OrganisationKind.Other;
        return false;
    }
}
