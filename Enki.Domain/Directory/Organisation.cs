using Enki.Domain.Access;

namespace Enki.Domain.Directory;

/// <summary>
/// An entry of the directory (annuaire): a mairie, a préfecture, an SDIS, a partner… with its
/// contacts. Its territory is denormalised into the three codes so that the jurisdiction filter
/// reads it like any other located object.
/// </summary>
public sealed class Organisation : ILocatedInTerritory
{
    private readonly List<Contact> _contacts = [];

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    public string? CommuneCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? ZoneCode { get; private set; }

    /// <summary>Main switchboard, international form.</summary>
    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? Address { get; private set; }

    /// <summary>Names and functions of the organisation and its contacts, see <see cref="Directory.SearchText"/>.</summary>
    public string SearchText { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Contact> Contacts => _contacts;

    public Jurisdiction Territory => OrganisationTerritory.Of(this);

    public OrganisationDetails Details => new(Name, Kind, Territory, Phone, Email, Address);

    public static Organisation Create(Guid id, OrganisationDetails details, ITerritoryDirectory directory, DateTimeOffset now)
    {
        var organisation = new Organisation { Id = id };
        organisation.Update(details, directory, now);
        return organisation;
    }

    public void Update(OrganisationDetails details, ITerritoryDirectory directory, DateTimeOffset now)
    {
        var valid = Require(details.Check(directory));
        var territory = Access.Territory.Of(valid.Territory, directory);
        Name = valid.Name!;
        Kind = valid.Kind;
        CommuneCode = territory.CommuneCode;
        DepartmentCode = territory.DepartmentCode;
        ZoneCode = territory.ZoneCode;
        Phone = valid.Phone;
        Email = valid.Email;
        Address = valid.Address;
        Touch(now);
    }

    public Contact AddContact(ContactDetails details, DateTimeOffset now)
    {
        var contact = new Contact(Guid.NewGuid(), Require(details.Check()));
        _contacts.Add(contact);
        Touch(now);
        return contact;
    }

    /// <summary>False when the contact is not (or no longer) in this organisation.</summary>
    public bool UpdateContact(Guid contactId, ContactDetails details, DateTimeOffset now)
    {
        var contact = _contacts.FirstOrDefault(c => c.Id == contactId);
        if (contact is null) return false;
        contact.Apply(Require(details.Check()));
        Touch(now);
        return true;
    }

    public bool RemoveContact(Guid contactId, DateTimeOffset now)
    {
        var removed = _contacts.RemoveAll(c => c.Id == contactId) > 0;
        if (removed) Touch(now);
        return removed;
    }

    /// <summary>The contact of that name (case and accents ignored), for imports that merge.</summary>
    public Contact? FindContact(string name) =>
        _contacts.FirstOrDefault(c => Directory.SearchText.Normalise(c.Name) == Directory.SearchText.Normalise(name));

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        SearchText = Directory.SearchText.Normalise(string.Join(" | ",
            new[] { Name, Kind.Label() }.Concat(_contacts.SelectMany(c => new[] { c.Name, c.Function ?? "" }))));
    }

    private static T Require<T>(Checked<T> result) where T : class =>
        result.IsValid ? result.Value! : throw new DirectoryValidationException(result.Errors);
}
