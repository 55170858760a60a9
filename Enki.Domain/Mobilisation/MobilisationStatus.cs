namespace Enki.Domain.Mobilisation;

/// <summary>Where a mobilisation request stands; names are stored, so never renamed.</summary>
public enum MobilisationStatus
{
    Issued,
    Received,
    Accepted,
    Refused,
    InProgress,
    Completed,
    Cancelled,
}

public static class MobilisationStatusWords
{
    public static string French(this MobilisationStatus status) => status switch
    {
        MobilisationStatus.Issued => "Émise",
        MobilisationStatus.Received => "Reçue",
        MobilisationStatus.Accepted => "Acceptée",
        MobilisationStatus.Refused => "Refusée",
        MobilisationStatus.InProgress => "En cours",
        MobilisationStatus.Completed => "Réalisée",
        _ => "Annulée",
    };

    /// <summary>Nothing more will happen: no deadline applies any more.</summary>
    public static bool IsClosed(this MobilisationStatus status) =>
        status is MobilisationStatus.Completed or MobilisationStatus.Cancelled or MobilisationStatus.Refused;
}
