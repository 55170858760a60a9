namespace Enki.Domain.Directory;

/// <summary>What a person types for a contact of an organisation; <see cref="Check"/> applies the rules.</summary>
public sealed record ContactDetails(string? Name, string? Function, IReadOnlyList<string> Phones, string? Email, string? Notes)
{
    /// <summary>Name required, a phone or an e-mail, each phone French and normalised, duplicates dropped.</summary>
    public Checked<ContactDetails> Check()
    {
        var errors = new List<string>();
        var name = Contacts.Tidy(Name);
        if (name is null) errors.Add("Le nom du contact est obligatoire.");
        var phones = new List<string>();
        foreach (var typed in Phones.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (Contacts.CheckPhone(typed, "Téléphone du contact", errors) is { } phone && !phones.Contains(phone)) phones.Add(phone);
        }
        var email = Contacts.CheckEmail(Email, "Adresse électronique du contact", errors);
        if (phones.Count == 0 && Contacts.Tidy(Email) is null && !Phones.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            errors.Add("Indiquez au moins un moyen de joindre le contact : téléphone ou adresse électronique.");
        }
        return errors.Count > 0
            ? Checked<ContactDetails>.Invalid(errors)
            : Checked<ContactDetails>.Valid(new ContactDetails(name, Contacts.Tidy(Function), phones, email, Contacts.Tidy(Notes)));
    }
}

/// <summary>Shared field rules of organisations and contacts.</summary>
internal static class Contacts
{
    public static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string? CheckPhone(string? text, string field, List<string> errors)
    {
        if (Tidy(text) is not { } typed) return null;
        if (FrenchPhone.TryNormalise(typed, out var phone)) return phone;
        errors.Add($"{field} : « {typed} » n'est pas un numéro français (10 chiffres, ou +33 suivi de 9 chiffres).");
        return null;
    }

    public static string? CheckEmail(string? text, string field, List<string> errors)
    {
        if (Tidy(text) is not { } typed) return null;
        if (EmailAddress.TryNormalise(typed, out var email)) return email;
        errors.Add($"{field} : « {typed} » n'est pas une adresse valide.");
        return null;
    }
}
