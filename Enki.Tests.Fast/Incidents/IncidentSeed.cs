using Enki.Application.Intake;
using Enki.Domain.Incidents;
using Enki.Tests.Nexsis.Intake;

namespace Enki.Tests.Incidents;

/// <summary>Incidents built through the aggregate itself, with the places and times a test needs.</summary>
internal static class IncidentSeed
{
    public static readonly IncidentPlace Chelles = new("77108", "Chelles", "77", "PARIS", 48.8786, 2.5914, "3 rue de la République", null);
    public static readonly IncidentPlace Meaux = new("77284", "Meaux", "77", "PARIS", 48.9601, 2.8788, "12 quai Victor Hugo", null);
    public static readonly IncidentPlace Guichen = new("35126", "Guichen", "35", "OUEST", 47.9658, -1.7901, "place de l'Église", null);

    public static readonly CallerContact Witness = new("Jeanne Témoin", "Jeanne", "Témoin", "+33600000001", null, "TIERS", "Voisine", null);

    public static Incident Open(string name, IncidentPlace place, string nature = "C04.02.01", int minutesAfterT0 = 0,
        bool exercise = false, CallerContact? caller = null)
    {
        var at = TestMessages.T0.AddMinutes(minutesAfterT0).ToUniversalTime();
        return Incident.Open(new IncidentCase($"fr.fire.sis0{place.DepartmentCode}.cga.{name}", name, at),
            new IncidentQualification(NexsisTranslation.Nature(nature, null), null, VictimCountEstimate.Several, caller),
            place, new MessageContext($"msg-{name}", at, at, exercise, "test"));
    }

    /// <summary>A later message about the incident (moves its update time).</summary>
    public static MessageContext Later(Incident incident, int minutes) =>
        new($"msg-{incident.CaseId}-{minutes}", incident.OpenedAt.AddMinutes(minutes), incident.OpenedAt.AddMinutes(minutes), incident.IsExercise, "test");
}
