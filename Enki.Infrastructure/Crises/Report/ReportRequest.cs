using Enki.Domain.Mobilisation;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>Where a mobilisation request stands for the report: an open request past its deadline is late, whatever its step.</summary>
public enum RequestState
{
    EnRetard,
    EnAttente,
    Acceptee,
    EnCours,
    Refusee,
    Realisee,
    Annulee,
}

public static class RequestStates
{
    public static RequestState Of(MobilisationStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        !status.IsClosed() && deadline < now ? RequestState.EnRetard : status switch
        {
            MobilisationStatus.Emise or MobilisationStatus.Recue => RequestState.EnAttente,
            MobilisationStatus.Acceptee => RequestState.Acceptee,
            MobilisationStatus.EnCours => RequestState.EnCours,
            MobilisationStatus.Refusee => RequestState.Refusee,
            MobilisationStatus.Realisee => RequestState.Realisee,
            _ => RequestState.Annulee,
        };

    public static string French(this RequestState state) => state switch
    {
        RequestState.EnRetard => "En retard",
        RequestState.EnAttente => "En attente de réponse",
        RequestState.Acceptee => "Acceptées",
        RequestState.EnCours => "En cours",
        RequestState.Refusee => "Refusées",
        RequestState.Realisee => "Réalisées",
        _ => "Annulées",
    };
}

/// <summary>A mobilisation request of the crisis, in its current state.</summary>
public sealed record ReportRequest(Guid Id, string Object, string Recipient, string Resource, int? Quantity, string? Unit,
    MobilisationStatus Status, RequestState State, DateTimeOffset Deadline, DateTimeOffset UpdatedAt, string? RefusalReason)
{
    /// <summary>« Motopompe (2 unités) » or the resource alone.</summary>
    public string What => Quantity is { } quantity ? $"{Resource} ({quantity}{(Unit is null ? "" : " " + Unit)})" : Resource;
}
