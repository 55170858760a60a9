using System.Linq.Expressions;
using Enki.Domain.Vigilance;

namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    /// <summary>
    /// The vigilance a viewer sees: over their jurisdiction; a mayor sees their department's weather vigilance
    /// (published by department, it concerns every commune) and the river sections crossing their commune —
    /// never another department's. <paramref name="departmentOfCommune"/> is the mayor's department.
    /// </summary>
    public static Expression<Func<AreaVigilance, bool>> VigilanceSeen(Viewer viewer, string? departmentOfCommune)
    {
        var code = viewer.Jurisdiction.Code;
        switch (viewer.Jurisdiction.Kind)
        {
            case JurisdictionKind.National:
                return v => true;
            case JurisdictionKind.Zone:
                return v => v.ZoneCode == code;
            case JurisdictionKind.Department:
                return v => v.DepartmentCode == code;
            default:
                if (departmentOfCommune is null) return v => false;
                var marker = AreaVigilance.CommuneMarker(code!);
                return v => v.DepartmentCode == departmentOfCommune && (v.Communes == "" || v.Communes.Contains(marker));
        }
    }
}
