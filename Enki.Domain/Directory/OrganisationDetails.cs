using Enki.Domain.Access;

namespace Enki.Domain.Directory;

/// <summary>What a person types for an organisation; <see cref="Check"/> applies the directory's rules.</summary>
public sealed record OrganisationDetails(
    string? Name, OrganisationKind Kind, Jurisdiction Territory, string? Phone, string? Email, string? Address)
{
    public const int NameMax = 200;

    /// <summary>Name required, a phone or an e-mail to reach it, valid formats, an existing territory.</summary>
    public Checked<OrganisationDetails> Check(ITerritoryDirectory directory)
    {
        var errors = new List<string>();
        var name = Contacts.Tidy(Name);
        if (name is null) errors.Add("Le nom de l'organisation est obligatoire.");
        else if (name.Length > NameMax) errors.Add($"Le nom de l'organisation dépasse {NameMax} caractères.");
        var phone = Contacts.CheckPhone(Phone, "Téléphone de l'organisation", errors);
        var email = Contacts.CheckEmail(Email, "Adresse électronique de l'organisation", errors);
        if (phone is null && email is null && Contacts.Tidy(Phone) is null && Contacts.Tidy(Email) is null)
        {
            errors.Add("Indiquez au moins un moyen de joindre l'organisation : téléphone ou adresse électronique.");
        }
        if (Territory.Kind != JurisdictionKind.National)
        {
            var code = Territory.Code!;
            var exists = Territory.Kind switch
            {
                JurisdictionKind.Zone => directory.ZoneExists(code),
                JurisdictionKind.Department => directory.DepartmentExists(code),
                _ => directory.CommuneExists(code),
            };
            if (!exists) errors.Add($"{Territory.Label} : code inconnu.");
        }
        return errors.Count > 0
            ? Checked<OrganisationDetails>.Invalid(errors)
            : Checked<OrganisationDetails>.Valid(this with { Name = name, Phone = phone, Email = email, Address = Contacts.Tidy(Address) });
    }
}
