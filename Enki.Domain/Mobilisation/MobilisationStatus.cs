namespace Enki.Domain.Mobilisation;

/// <summary>Where a mobilisation request stands; names are stored, so never renamed.</summary>
public enum MobilisationStatus
{
    Emise,
    Recue,
    Acceptee,
    Refusee,
    EnCours,
    Realisee,
    Annulee,
}

public static class MobilisationStatusWords
{
    public static string French(this MobilisationStatus status) => status switch
    {
        MobilisationStatus.Emise => "Émise",
        MobilisationStatus.Recue => "Reçue",
        MobilisationStatus.Acceptee => "Acceptée",
        MobilisationStatus.Refusee => "Refusée",
        MobilisationStatus.EnCours => "En cours",
        MobilisationStatus.Realisee => "Réalisée",
        _ => "Annulée",
    };

    /// <summary>Nothing more will happen: no deadline applies any more.</summary>
    public static bool IsClosed(this MobilisationStatus status) =>
        status is MobilisationStatus.Realisee or MobilisationStatus.Annulee or MobilisationStatus.Refusee;
}
