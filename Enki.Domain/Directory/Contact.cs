namespace Enki.Domain.Directory;

/// <summary>A person to reach in an organisation: name, function, several phones, e-mail, notes.</summary>
public sealed class Contact
{
    private List<string> _phones = [];

    private Contact()
    {
    }

    internal Contact(Guid id, ContactDetails valid)
    {
        Id = id;
        Apply(valid);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Function { get; private set; }

    /// <summary>International form (+33…), in the order given.</summary>
    public IReadOnlyList<string> Phones => _phones;

    public string? Email { get; private set; }

    public string? Notes { get; private set; }

    public ContactDetails Details => new(Name, Function, _phones, Email, Notes);

    internal void Apply(ContactDetails valid)
    {
        Name = valid.Name!;
        Function = valid.Function;
        _phones = [.. valid.Phones];
        Email = valid.Email;
        Notes = valid.Notes;
    }
}
