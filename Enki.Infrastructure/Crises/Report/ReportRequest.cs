using Enki.Domain.Mobilisation;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>Where a mobilisation request stands for the report: an open request past its deadline is late, whatever its step.</summary>
public enum RequestState
{
    Overdue,
    Pending,
    Accepted,
    InProgress,
    Refused,
    Completed,
    Cancelled,
}

public static class RequestStates
{
    public static RequestState Of(MobilisationStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        !status.IsClosed() && deadline < now ? RequestState.Overdue : status switch
        {
            MobilisationStatus.Issued or MobilisationStatus.Received => RequestState.Pending,
            MobilisationStatus.Accepted => RequestState.Accepted,
            MobilisationStatus.InProgress => RequestState.InProgress,
            MobilisationStatus.Refused => RequestState.Refused,
            MobilisationStatus.Completed => RequestState.Completed,
            _ => RequestState.Cancelled,
        };

    public static string French(this RequestState state) => state switch
    {
        RequestState.Overdue => "En retard",
        RequestState.Pending => "En attente de réponse",
        RequestState.Accepted => "Acceptées",
        RequestState.InProgress => "En cours",
        RequestState.Refused => "Refusées",
        RequestState.Completed => "Réalisées",
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
