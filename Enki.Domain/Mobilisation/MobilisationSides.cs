using Enki.Domain.Access;

namespace Enki.Domain.Mobilisation;

/// <summary>Who stands on the issuer's side of a request; shared by the aggregate and the live feed.</summary>
public static class MobilisationSides
{
    /// <summary>The issuing service: the person who issued, or a colleague with the same profile and jurisdiction.</summary>
    public static bool IsIssuer(Viewer viewer, string issuerId, Profile? issuerProfile, string issuerJurisdiction) =>
        viewer.Id == issuerId || (viewer.Profile == issuerProfile && viewer.Jurisdiction.ToString() == issuerJurisdiction);
}
