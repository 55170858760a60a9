using System.Linq.Expressions;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;

namespace Enki.Domain.Access;

public static partial class AccessPolicy
{
    /// <summary>Any profile opens crises inside its jurisdiction (a mayor over their own commune only); partners never.</summary>
    public static bool MayOpenCrisis(Viewer viewer) => viewer.Profile is not null;

    /// <summary>The one territory a crisis by this viewer may cover, when it is fixed: a mayor's own commune.</summary>
    public static Jurisdiction? ImposedCrisisTerritory(Viewer viewer) => viewer.Profile == Profile.Mayor ? viewer.Jurisdiction : null;

    /// <summary>French reasons for refusing a crisis over <paramref name="territories"/>; empty when allowed.</summary>
    public static IReadOnlyList<string> CrisisOpeningErrors(Viewer creator, IReadOnlyList<Jurisdiction> territories, ITerritoryDirectory directory)
    {
        if (!MayOpenCrisis(creator)) return ["Vous n'êtes pas habilité à ouvrir une crise."];
        if (territories.Count == 0) return ["Indiquez au moins une commune ou un département."];
        var errors = new List<string>();
        foreach (var territory in territories)
        {
            if (territory.Kind is not (JurisdictionKind.Commune or JurisdictionKind.Department))
            {
                errors.Add($"{territory.Label} : seules des communes et des départements peuvent composer le territoire.");
            }
            else if (ImposedCrisisTerritory(creator) is { } imposed && territory != imposed)
            {
                errors.Add($"{territory.Label} : un maire ouvre une crise sur sa seule commune.");
            }
            else if (!creator.Jurisdiction.Includes(territory, directory))
            {
                errors.Add($"{territory.Label} est hors de votre périmètre.");
            }
        }
        return errors;
    }

    /// <summary>
    /// Whether a participant line names this viewer: the person by account, an organisation by its
    /// jurisdiction, or one service of a territory by its jurisdiction and profile (the préfecture, not the SDIS).
    /// </summary>
    public static bool IsParticipant(Viewer viewer, CrisisParticipant participant) => participant.Kind == ParticipantKind.Person
        ? participant.Reference == viewer.Id
        : participant.Reference == viewer.Jurisdiction.ToString()
            || (viewer.Profile is { } profile && participant.Reference == CrisisParticipant.ServiceReference(viewer.Jurisdiction, profile));

    /// <summary>The viewer's right on a crisis: the best of their participations, reading when its territory is theirs, else none.</summary>
    public static ParticipationRight? CrisisRight(Viewer viewer, Crisis crisis)
    {
        var participation = crisis.Participants.Where(p => IsParticipant(viewer, p)).Select(p => (ParticipationRight?)p.Right).Max();
        if (participation is not null) return participation;
        return crisis.Territories.Any(viewer.Covers) ? ParticipationRight.Read : null;
    }

    public static bool SeesCrisis(Viewer viewer, Crisis crisis) => CrisisRight(viewer, crisis) is not null;

    public static bool HasCrisisRight(Viewer viewer, Crisis crisis, ParticipationRight needed) => CrisisRight(viewer, crisis) >= needed;

    /// <summary>
    /// Writing in the main courante, and anything that writes there (a mobilisation request linked to the
    /// crisis), needs contribution: a reader never writes.
    /// </summary>
    public static bool MayWriteLogbook(Viewer viewer, Crisis crisis) => HasCrisisRight(viewer, crisis, ParticipationRight.Contribution);

    /// <summary>
    /// The right an entry of this kind needs: the situation (« point de situation ») opens the report the crisis
    /// room reads, so only a pilot writes it; any contributor writes the rest.
    /// </summary>
    public static ParticipationRight RightToWrite(LogbookEntryKind kind) =>
        kind == LogbookEntryKind.SituationReport ? ParticipationRight.Lead : ParticipationRight.Contribution;

    /// <summary>The French refusal for a missing right.</summary>
    public static string CrisisRefusal(ParticipationRight needed) => needed switch
    {
        ParticipationRight.Lead => "Seuls les pilotes de la crise peuvent la modifier.",
        ParticipationRight.Contribution => "Il faut un droit de contribution sur la crise pour écrire dans sa main courante.",
        _ => "Crise introuvable.",
    };

    /// <summary>
    /// The crises a viewer sees, as a query filter: one of its territories lies inside their jurisdiction,
    /// or they take part in it. The same decision as <see cref="SeesCrisis"/>, translated for the database.
    /// </summary>
    public static Expression<Func<Crisis, bool>> CrisesVisible(Viewer viewer)
    {
        var inJurisdiction = JurisdictionFilter.For<CrisisTerritory>(viewer.Jurisdiction);
        var person = viewer.Id;
        var organisation = viewer.Jurisdiction.ToString();
        // The viewer's own service of that territory (« departement:77#Prefecture »); none without a profile.
        var service = viewer.Profile is { } profile ? CrisisParticipant.ServiceReference(viewer.Jurisdiction, profile) : organisation;
        return crisis => crisis.Territories.AsQueryable().Any(inJurisdiction)
            || crisis.Participants.Any(p => (p.Kind == ParticipantKind.Person && p.Reference == person)
                || (p.Kind == ParticipantKind.Organisation && (p.Reference == organisation || p.Reference == service)));
    }
}
