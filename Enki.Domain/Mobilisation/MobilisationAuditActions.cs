namespace Enki.Domain.Mobilisation;

/// <summary>Audit action names of mobilisation requests (stable, stored) and their French labels.</summary>
public static class MobilisationAuditActions
{
    public const string Issued = "mobilisation.emise";
    public const string OverdueNotified = "mobilisation.echeance_depassee";

    /// <summary>One action name per transition: <c>mobilisation.recue</c>, <c>mobilisation.acceptee</c>…</summary>
    public static string Of(MobilisationAction action) => "mobilisation." + action switch
    {
        MobilisationAction.Receive => "recue",
        MobilisationAction.Accept => "acceptee",
        MobilisationAction.Refuse => "refusee",
        MobilisationAction.Start => "en_cours",
        MobilisationAction.Complete => "realisee",
        _ => "annulee",
    };

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [Issued] = "Demande de mobilisation émise",
        [OverdueNotified] = "Demande de mobilisation en retard signalée",
        [Of(MobilisationAction.Receive)] = "Demande de mobilisation reçue",
        [Of(MobilisationAction.Accept)] = "Demande de mobilisation acceptée",
        [Of(MobilisationAction.Refuse)] = "Demande de mobilisation refusée",
        [Of(MobilisationAction.Start)] = "Demande de mobilisation en cours",
        [Of(MobilisationAction.Complete)] = "Demande de mobilisation réalisée",
        [Of(MobilisationAction.Cancel)] = "Demande de mobilisation annulée",
    };
}
