using Enki.Domain.Access;

namespace Enki.Domain.Directory;

/// <summary>
/// Read port of the directory for other features (the mobilisation form picks its recipients here).
/// Always narrowed by <see cref="AccessPolicy.OrganisationsVisible"/>: an organisation the viewer may not see is "not found".
/// </summary>
public interface IOrganisationDirectory
{
    Task<Organisation?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default);

    /// <summary>By name, kind, contact name or function (accents and case ignored), nearest territory first.</summary>
    Task<IReadOnlyList<Organisation>> SearchAsync(Viewer viewer, string? text, OrganisationKind? kind = null, int take = 20,
        CancellationToken cancellationToken = default);
}
