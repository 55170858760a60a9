namespace Enki.Domain.Directory;

/// <summary>A value after the directory's rules: normalised when valid, with French reasons otherwise.</summary>
public sealed record Checked<T>(T? Value, IReadOnlyList<string> Errors) where T : class
{
    public bool IsValid => Errors.Count == 0 && Value is not null;

    public static Checked<T> Valid(T value) => new(value, []);

    public static Checked<T> Invalid(IReadOnlyList<string> errors) => new(null, errors);
}

/// <summary>Thrown when an entity is given details that did not pass their rules (a programming error).</summary>
public sealed class DirectoryValidationException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
