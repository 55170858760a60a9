using System.Linq.Expressions;
using Enki.Domain.Mobilisation;

namespace Enki.Domain.Access;

/// <summary>Where a viewer stands towards a mobilisation request; the strongest applies.</summary>
public enum RequestStanding
{
    None,

    /// <summary>A préfecture, COZ or COGIC over the recipient's territory: reads, never acts.</summary>
    Supervisor,
    Issuer,
    Recipient,
}

public static partial class AccessPolicy
{
    /// <summary>Crisis services mobilise communes; mayors answer, partners neither.</summary>
    public static bool MayIssueRequests(Viewer viewer) =>
        viewer.Profile is Profile.Sdis or Profile.Prefecture or Profile.Coz or Profile.Cogic or Profile.Administrator;

    /// <summary>The issuing service: the person who issued, or a colleague with the same profile and jurisdiction.</summary>
    public static bool IsIssuer(Viewer viewer, string issuerId, Profile? issuerProfile, string issuerJurisdiction) =>
        viewer.Id == issuerId || (viewer.Profile == issuerProfile && viewer.Jurisdiction.ToString() == issuerJurisdiction);

    /// <summary>Whoever answers for the recipient: a commune's mayor and municipal crisis cell (organisations later).</summary>
    public static bool IsRecipient(Viewer viewer, MobilisationRecipient recipient) =>
        recipient.Kind == RecipientKind.Commune && viewer.Jurisdiction == Jurisdiction.Commune(recipient.Code);

    /// <summary>
    /// A supervisor reads the requests issued to or from its jurisdiction. A request is located at its
    /// recipient, and a recipient always lies inside its issuer's jurisdiction, so "from" is inside "to":
    /// covering the recipient is the whole rule.
    /// </summary>
    public static bool Supervises(Viewer viewer, ILocatedInTerritory recipient) => IsSupervisor(viewer) && viewer.Covers(recipient);

    public static RequestStanding Standing(Viewer viewer, MobilisationRequest request) =>
        IsRecipient(viewer, request.Recipient) ? RequestStanding.Recipient
        : IsIssuer(viewer, request.IssuerId, request.IssuerProfile, request.IssuerJurisdiction) ? RequestStanding.Issuer
        : Supervises(viewer, request) ? RequestStanding.Supervisor
        : RequestStanding.None;

    public static bool SeesRequest(Viewer viewer, MobilisationRequest request) => Standing(viewer, request) != RequestStanding.None;

    /// <summary>Whether the viewer is the party an action belongs to (the lifecycle says which party that is).</summary>
    public static bool MayTake(Viewer viewer, MobilisationRequest request, MobilisationAction action) =>
        MobilisationLifecycle.PartyOf(action) == MobilisationParty.Recipient
            ? IsRecipient(viewer, request.Recipient)
            : IsIssuer(viewer, request.IssuerId, request.IssuerProfile, request.IssuerJurisdiction);

    /// <summary>Actions this person may take now (the buttons a page shows); none for a supervisor.</summary>
    public static IReadOnlyList<MobilisationAction> RequestActions(Viewer viewer, MobilisationRequest request)
    {
        var actions = new List<MobilisationAction>();
        if (IsRecipient(viewer, request.Recipient)) actions.AddRange(MobilisationLifecycle.ActionsFor(request.Status, MobilisationParty.Recipient));
        if (IsIssuer(viewer, request.IssuerId, request.IssuerProfile, request.IssuerJurisdiction))
        {
            actions.AddRange(MobilisationLifecycle.ActionsFor(request.Status, MobilisationParty.Issuer));
        }
        return actions;
    }

    /// <summary>Live notices go to the two parties only: supervisors read, they are not paged.</summary>
    public static bool IsPartyTo(Viewer viewer, MobilisationChange change) =>
        IsRecipient(viewer, change.Recipient) || IsIssuer(viewer, change.IssuerId, change.IssuerProfile, change.IssuerJurisdiction);

    /// <summary>Requests addressed to the viewer's commune, as a query filter.</summary>
    public static Expression<Func<MobilisationRequest, bool>> RequestsAddressedTo(Viewer viewer)
    {
        if (viewer.Jurisdiction.Kind != JurisdictionKind.Commune) return r => false;
        var commune = viewer.Jurisdiction.Code;
        return r => r.RecipientKind == RecipientKind.Commune && r.CommuneCode == commune;
    }

    /// <summary>Requests the viewer's service issued, as a query filter.</summary>
    public static Expression<Func<MobilisationRequest, bool>> RequestsIssuedBy(Viewer viewer)
    {
        var id = viewer.Id;
        var jurisdiction = viewer.Jurisdiction.ToString();
        var profile = viewer.Profile;
        return r => r.IssuerId == id || (r.IssuerProfile == profile && r.IssuerJurisdiction == jurisdiction);
    }

    /// <summary>Requests a supervisor reads in its territory, as a query filter; none for anyone else.</summary>
    public static Expression<Func<MobilisationRequest, bool>> RequestsSupervisedBy(Viewer viewer) =>
        IsSupervisor(viewer) ? JurisdictionFilter.For<MobilisationRequest>(viewer.Jurisdiction) : r => false;

    /// <summary>Every request the viewer may open: the same decision as <see cref="SeesRequest"/>, for the database.</summary>
    public static Expression<Func<MobilisationRequest, bool>> RequestsVisibleTo(Viewer viewer) =>
        FilterJoin.AnyOf(RequestsAddressedTo(viewer), RequestsIssuedBy(viewer), RequestsSupervisedBy(viewer));
}
