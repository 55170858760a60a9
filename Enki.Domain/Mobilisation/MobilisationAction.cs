namespace Enki.Domain.Mobilisation;

/// <summary>What a person does to a request; each one is a row of <see cref="MobilisationLifecycle"/>.</summary>
public enum MobilisationAction
{
    Receive,
    Accept,
    Refuse,
    Start,
    Complete,
    Cancel,
}

/// <summary>The side of the request a person stands on.</summary>
public enum MobilisationParty
{
    Issuer,
    Recipient,
}

public static class MobilisationActionWords
{
    public static string French(this MobilisationAction action) => action switch
    {
        MobilisationAction.Receive => "Réception",
        MobilisationAction.Accept => "Acceptation",
        MobilisationAction.Refuse => "Refus",
        MobilisationAction.Start => "Début de réalisation",
        MobilisationAction.Complete => "Réalisation",
        _ => "Annulation",
    };

    /// <summary>The verb on buttons.</summary>
    public static string Verb(this MobilisationAction action) => action switch
    {
        MobilisationAction.Receive => "Marquer reçue",
        MobilisationAction.Accept => "Accepter",
        MobilisationAction.Refuse => "Refuser",
        MobilisationAction.Start => "Démarrer",
        MobilisationAction.Complete => "Marquer réalisée",
        _ => "Annuler la demande",
    };
}
