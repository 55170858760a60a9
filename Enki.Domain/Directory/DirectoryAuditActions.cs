namespace Enki.Domain.Directory;

/// <summary>Audit action names (stable, stored) of the directory's writes, with their French labels.</summary>
public static class DirectoryAuditActions
{
    public const string OrganisationCreated = "annuaire.organisation_creee";
    public const string OrganisationUpdated = "annuaire.organisation_modifiee";
    public const string ContactAdded = "annuaire.contact_ajoute";
    public const string ContactUpdated = "annuaire.contact_modifie";
    public const string ContactRemoved = "annuaire.contact_supprime";
    public const string Imported = "annuaire.import";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [OrganisationCreated] = "Organisation ajoutée à l'annuaire",
        [OrganisationUpdated] = "Organisation modifiée dans l'annuaire",
        [ContactAdded] = "Contact ajouté à l'annuaire",
        [ContactUpdated] = "Contact modifié dans l'annuaire",
        [ContactRemoved] = "Contact retiré de l'annuaire",
        [Imported] = "Import CSV de l'annuaire",
    };
}
