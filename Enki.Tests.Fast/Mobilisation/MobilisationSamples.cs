using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Tests.Support;

namespace Enki.Tests.Mobilisation;

/// <summary>The people and requests the mobilisation tests share (the demo accounts' shapes).</summary>
internal static class MobilisationSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    public static readonly TestTerritoryDirectory Territories = new();

    public static readonly Viewer Sdis77 = new("sdis77-id", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    public static readonly Viewer OtherSdis77Operator = new("sdis77-bis", "Opérateur CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    public static readonly Viewer Prefecture77 = new("pref77-id", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    public static readonly Viewer MaireChelles = new("chelles-id", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    public static readonly Viewer MaireGuichen = new("guichen-id", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));

    public static MobilisationDraft Draft(string commune = "77108", Guid? crisis = null) => new()
    {
        Object = "Hébergement des sinistrés",
        ResourceKind = "hébergement d'urgence",
        Quantity = 50,
        Unit = "personnes",
        PlaceText = "Gymnase municipal",
        PlaceCommune = commune,
        Priority = MobilisationPriority.Urgent,
        Deadline = Now.AddHours(2),
        CrisisId = crisis,
        RecipientCommune = commune,
    };

    public static MobilisationRequest Issued(Guid? crisis = null) =>
        MobilisationRequest.Issue(Draft(crisis: crisis), Sdis77, "SDIS 77", Territories, Now);

    /// <summary>A request brought to <paramref name="status"/> by the legitimate path.</summary>
    public static MobilisationRequest At(MobilisationStatus status)
    {
        var request = Issued();
        var path = status switch
        {
            MobilisationStatus.Issued => [],
            MobilisationStatus.Received => new[] { MobilisationAction.Receive },
            MobilisationStatus.Accepted => [MobilisationAction.Receive, MobilisationAction.Accept],
            MobilisationStatus.Refused => [MobilisationAction.Receive, MobilisationAction.Refuse],
            MobilisationStatus.InProgress => [MobilisationAction.Receive, MobilisationAction.Accept, MobilisationAction.Start],
            MobilisationStatus.Completed => [MobilisationAction.Receive, MobilisationAction.Accept, MobilisationAction.Start, MobilisationAction.Complete],
            _ => [MobilisationAction.Cancel],
        };
        foreach (var action in path)
        {
            request.Apply(action, action == MobilisationAction.Cancel ? Sdis77 : MaireChelles, Now, "motif");
        }
        return request;
    }
}
