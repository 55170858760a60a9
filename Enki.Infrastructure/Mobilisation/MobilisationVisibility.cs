using Enki.Domain.Access;
using Enki.Domain.Mobilisation;

namespace Enki.Infrastructure.Mobilisation;

/// <summary>
/// Which requests a person may read: a commune reads what is addressed to it (through the jurisdiction
/// filter, requests being located at their recipient), a crisis service what it issued.
/// </summary>
internal static class MobilisationVisibility
{
    public static IQueryable<MobilisationRequest> AddressedTo(this IQueryable<MobilisationRequest> rows, Viewer viewer) =>
        viewer.Jurisdiction.Kind == JurisdictionKind.Commune
            ? rows.Where(r => r.RecipientKind == RecipientKind.Commune).Within(viewer)
            : rows.Where(r => false);

    public static IQueryable<MobilisationRequest> IssuedBy(this IQueryable<MobilisationRequest> rows, Viewer viewer)
    {
        var jurisdiction = viewer.Jurisdiction.ToString();
        var profile = viewer.Profile;
        return rows.Where(r => r.IssuerId == viewer.Id || (r.IssuerProfile == profile && r.IssuerJurisdiction == jurisdiction));
    }

    public static IQueryable<MobilisationRequest> VisibleTo(this IQueryable<MobilisationRequest> rows, Viewer viewer) =>
        // Mayors never issue, crisis services are never addressed (until organisations are): one side each.
        viewer.Jurisdiction.Kind == JurisdictionKind.Commune ? rows.AddressedTo(viewer) : rows.IssuedBy(viewer);
}
