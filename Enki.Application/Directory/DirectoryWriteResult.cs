namespace Enki.Application.Directory;

/// <summary>Outcome of a directory write: the organisation's id, or French reasons for refusal.</summary>
public sealed record DirectoryWriteResult(Guid? Id, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static DirectoryWriteResult Done(Guid id) => new(id, []);

    public static DirectoryWriteResult Refused(params IReadOnlyList<string> errors) => new(null, errors);

    public static DirectoryWriteResult NotFound { get; } = Refused("Organisation introuvable.");
}
