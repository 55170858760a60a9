using Enki.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace Enki.Infrastructure.Access;

/// <summary>An Enki account: Identity's user plus profile and jurisdiction (with its codes denormalised for filtering).</summary>
public sealed class EnkiUser : IdentityUser, ILocatedInTerritory
{
    public string DisplayName { get; set; } = "";

    public string? Organisation { get; set; }

    public Profile Profile { get; set; }

    public JurisdictionKind JurisdictionKind { get; set; }

    public string? JurisdictionCode { get; set; }

    public string? CommuneCode { get; set; }

    public string? DepartmentCode { get; set; }

    public string? ZoneCode { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Jurisdiction Jurisdiction => Jurisdiction.Of(JurisdictionKind, JurisdictionCode);

    /// <summary>Sets profile and jurisdiction together, with the territory codes the filter reads.</summary>
    public void Grant(Profile profile, Jurisdiction jurisdiction, ITerritoryDirectory directory)
    {
        var territory = Territory.Of(jurisdiction, directory);
        Profile = profile;
        JurisdictionKind = jurisdiction.Kind;
        JurisdictionCode = jurisdiction.Code;
        CommuneCode = territory.CommuneCode;
        DepartmentCode = territory.DepartmentCode;
        ZoneCode = territory.ZoneCode;
    }
}

/// <summary>A one-time link to set a password; only the SHA-256 of the token is kept.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public string? CreatedBy { get; set; }
}
