using Enki.Domain.Access;

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

    /// <summary>True when the person answers for this recipient.</summary>
    public bool IsHeldBy(Viewer viewer) => Kind switch
    {
        RecipientKind.Commune => viewer.Jurisdiction == Jurisdiction.Commune(Code),
        // Organisation membership comes with the directory; until then nobody holds one.
        _ => false,
    };

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Code}";
}
