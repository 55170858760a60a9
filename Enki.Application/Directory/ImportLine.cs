using Enki.Domain.Access;
using Enki.Domain.Directory;

namespace Enki.Application.Directory;

internal enum ContactChange
{
    None,
    Added,
    Updated,
}

/// <summary>One line of the import file: its organisation (new or merged) and its optional contact.</summary>
internal sealed class ImportLine(CsvRecord record, DirectoryCsvColumns columns)
{
    private static readonly char[] PhoneSeparators = ['|', '/'];

    private string? this[string column] => columns[record, column];

    /// <summary>
    /// Checks the whole line first and changes nothing unless it is valid; returns the organisation,
    /// or null with the reasons.
    /// </summary>
    public Organisation? Apply(Viewer viewer, Dictionary<string, Organisation> known, ITerritoryDirectory territories,
        DateTimeOffset now, List<string> reasons, out bool created, out ContactChange contactChange)
    {
        created = false;
        contactChange = ContactChange.None;
        OrganisationKind kind = OrganisationKind.Other;
        if (this["type"] is not { } type) reasons.Add("Type obligatoire.");
        else if (!OrganisationKinds.TryParse(type, out kind))
        {
            reasons.Add($"Type inconnu « {type} » (attendu : {string.Join(", ", Enum.GetValues<OrganisationKind>().Select(k => k.Label()))}).");
        }
        var territory = OrganisationTerritory.From(this["commune"], this["departement"], this["zone"], territories, reasons);
        if (this["nom"] is not { } name)
        {
            reasons.Add("Le nom de l'organisation est obligatoire.");
            return null;
        }
        if (territory is null || reasons.Count > 0) return null;
        if (!AccessPolicy.MayEditOrganisation(viewer, Territory.Of(territory, territories)))
        {
            reasons.Add(AccessPolicy.DirectoryRefusal(viewer));
            return null;
        }

        known.TryGetValue(DirectoryCsvImport.Key(name, territory), out var existing);
        var current = existing?.Details;
        var details = new OrganisationDetails(name, kind, territory,
            this["telephone"] ?? current?.Phone, this["email"] ?? current?.Email, this["adresse"] ?? current?.Address);
        var organisationCheck = details.Check(territories);
        reasons.AddRange(organisationCheck.Errors);

        Checked<ContactDetails>? contactCheck = null;
        Contact? existingContact = null;
        if (HasContact)
        {
            var contactName = this["contact_nom"];
            existingContact = contactName is null ? null : existing?.FindContact(contactName);
            var before = existingContact?.Details;
            var phones = this["contact_telephone"]?.Split(PhoneSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            contactCheck = new ContactDetails(contactName, this["contact_fonction"] ?? before?.Function,
                phones ?? before?.Phones ?? [], this["contact_email"] ?? before?.Email, before?.Notes).Check();
            reasons.AddRange(contactCheck.Errors);
        }
        if (reasons.Count > 0) return null;

        var organisation = existing ?? Organisation.Create(Guid.NewGuid(), organisationCheck.Value!, territories, now);
        created = existing is null;
        if (existing is not null) existing.Update(organisationCheck.Value!, territories, now);
        else known[DirectoryCsvImport.Key(organisation)] = organisation;
        if (contactCheck is { Value: { } contact })
        {
            if (existingContact is null)
            {
                organisation.AddContact(contact, now);
                contactChange = ContactChange.Added;
            }
            else
            {
                organisation.UpdateContact(existingContact.Id, contact, now);
                contactChange = ContactChange.Updated;
            }
        }
        return organisation;
    }

    private bool HasContact => new[] { "contact_nom", "contact_fonction", "contact_telephone", "contact_email" }.Any(c => this[c] is not null);
}
