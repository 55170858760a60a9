using Enki.Domain.Access;
using Enki.Domain.Directory;

namespace Enki.Infrastructure.Organisations;

/// <summary>A page of the directory: free text, kind, a territory inside the viewer's view, paging.</summary>
public sealed record DirectoryQuery(
    string? Text = null, OrganisationKind? Kind = null, Jurisdiction? Territory = null, int Skip = 0, int Take = 25);

public sealed record DirectoryPage(IReadOnlyList<Organisation> Items, int Total);
