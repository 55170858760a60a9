using Enki.Domain.Access;
using Enki.Domain.Geography;

namespace Enki.Web.Components.Incidents.List;

/// <summary>The communes a viewer's jurisdiction holds: what the commune filter offers, nothing outside.</summary>
public static class JurisdictionCommunes
{
    public static IReadOnlyList<Commune> Of(FrenchGeography geography, Jurisdiction jurisdiction) => jurisdiction.Kind switch
    {
        JurisdictionKind.National => geography.Communes,
        JurisdictionKind.Zone => geography.CommunesOfZone(jurisdiction.Code),
        JurisdictionKind.Department => geography.CommunesOfDepartment(jurisdiction.Code),
        _ => geography.FindCommune(jurisdiction.Code) is { } commune ? [commune] : [],
    };
}
