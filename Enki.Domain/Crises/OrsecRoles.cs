using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>
/// Who takes part in a new crisis by default, as ORSEC organises it: over a commune, its mayor's office
/// contributes and the department's préfecture pilots; a préfecture opening a crisis brings in its SDIS
/// and the mayor's offices of the territory that Enki can reach (an account or a directory entry).
/// </summary>
public static class OrsecRoles
{
    /// <param name="reachableCommunes">Communes of the territory whose mayor's office has an account or a directory entry.</param>
    public static IReadOnlyList<CrisisParticipant> Defaults(Viewer creator, IReadOnlyList<CrisisTerritory> territories,
        IReadOnlyCollection<string> reachableCommunes, ITerritoryDirectory directory)
    {
        var participants = new List<CrisisParticipant>();
        var communes = territories.Where(t => t.Kind == JurisdictionKind.Commune).Select(t => t.Code).ToList();
        var departments = territories.Select(t => t.DepartmentCode).OfType<string>().Distinct().ToList();
        var byPrefecture = creator.Profile == Profile.Prefecture;

        // Mayor's offices: the communes named, and for a préfecture the reachable ones of its departments too.
        var mairies = byPrefecture ? communes.Concat(reachableCommunes) : communes;
        foreach (var commune in mairies.Distinct().Order())
        {
            var jurisdiction = Jurisdiction.Commune(commune);
            participants.Add(CrisisParticipant.Organisation(jurisdiction, $"Mairie de {directory.Describe(jurisdiction)}", ParticipationRight.Contribution));
        }
        if (communes.Count > 0 || byPrefecture)
        {
            foreach (var department in departments)
            {
                var jurisdiction = Jurisdiction.Department(department);
                participants.Add(CrisisParticipant.Service(jurisdiction, Profile.Prefecture,
                    $"Préfecture — {directory.Describe(jurisdiction)}", ParticipationRight.Lead));
            }
        }
        if (byPrefecture)
        {
            foreach (var department in departments)
            {
                var jurisdiction = Jurisdiction.Department(department);
                participants.Add(CrisisParticipant.Service(jurisdiction, Profile.Sdis,
                    $"SDIS — {directory.Describe(jurisdiction)}", ParticipationRight.Contribution));
            }
        }
        return participants;
    }
}
