namespace Enki.Domain.Mobilisation;

public enum RecipientKind
{
    Commune,
    Organisation,
}

/// <summary>
/// Who a request is addressed to, as a value: a commune today (its mayor and municipal crisis cell,
/// i.e. the accounts whose jurisdiction is that commune), an organisation of the directory later,
/// with no change to the stored shape (kind + code).
/// </summary>
public sealed record MobilisationRecipient(RecipientKind Kind, string Code)
{
    public static MobilisationRecipient Commune(string insee) => new(RecipientKind.Commune, insee.Trim());

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Code}";
}
