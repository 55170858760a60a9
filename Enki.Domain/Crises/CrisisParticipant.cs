using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>A participant is a person (an account) or an organisation (whoever answers for a territory).</summary>
public enum ParticipantKind
{
    Person,
    Organisation,
}

/// <summary>What a participant may do; each right includes the ones before it.</summary>
public enum ParticipationRight
{
    Read,
    Contribution,
    Lead,
}

/// <param name="Reference">
/// The account id of a person; the jurisdiction text (<c>commune:77108</c>) of an organisation, so a mayor's
/// office is every account answering for that commune; or, for one service of a territory where several
/// answer for it (the préfecture and the SDIS of a department), the jurisdiction and the profile
/// (<c>departement:77#Prefecture</c>); see <see cref="AccessPolicy.IsParticipant"/>.
/// </param>
public sealed record CrisisParticipant(ParticipantKind Kind, string Reference, string Name, ParticipationRight Right)
{
    public static CrisisParticipant Person(Viewer viewer, ParticipationRight right) => Person(viewer.Id, viewer.Name, right);

    /// <summary>A named person, by account id.</summary>
    public static CrisisParticipant Person(string accountId, string name, ParticipationRight right) =>
        new(ParticipantKind.Person, accountId, name, right);

    public static CrisisParticipant Organisation(Jurisdiction jurisdiction, string name, ParticipationRight right) =>
        new(ParticipantKind.Organisation, jurisdiction.ToString(), name, right);

    /// <summary>One service of a territory: only the accounts of that profile there (the préfecture, not the SDIS of the same department).</summary>
    public static CrisisParticipant Service(Jurisdiction jurisdiction, Profile profile, string name, ParticipationRight right) =>
        new(ParticipantKind.Organisation, ServiceReference(jurisdiction, profile), name, right);

    public static string ServiceReference(Jurisdiction jurisdiction, Profile profile) => $"{jurisdiction}#{profile.Code()}";

}

public static class ParticipationRights
{
    public static string French(this ParticipationRight right) => right switch
    {
        ParticipationRight.Read => "Lecture",
        ParticipationRight.Contribution => "Contribution",
        _ => "Pilotage",
    };
}
