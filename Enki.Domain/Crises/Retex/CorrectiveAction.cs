namespace Enki.Domain.Crises.Retex;

/// <summary>One corrective action of an after-action review: what to do, who owns it, by when.</summary>
public sealed record CorrectiveAction(string Text, string Owner, DateOnly? Deadline)
{
    public const int TextMaxLength = 1000;
    public const int OwnerMaxLength = 200;
}
