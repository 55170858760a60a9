namespace Enki.Domain.Warnings;

/// <summary>Where one delivery (one person, one channel) stands.</summary>
public enum DeliveryState
{
    /// <summary>Committed with the warning, not yet handed to its channel (the outbox).</summary>
    Pending,
    Sent,
    Received,
    Read,
    Acknowledged,
    Failed,

    /// <summary>Failed <see cref="DeliveryRetry.MaxAttempts"/> times: no more retries, left for the administrators to see.</summary>
    GaveUp,
}

public enum DeliveryAction
{
    Send,
    Fail,
    Receive,
    Read,
    Acknowledge,
    GiveUp,
}

/// <summary>
/// The lifecycle of a delivery in one table: envoyée → reçue → lue → acquittée, with the shortcuts a
/// person takes (reading what arrived unseen, acknowledging from the notification without opening it).
/// Anything not listed is refused.
/// </summary>
public static class DeliveryLifecycle
{
    public sealed record Transition(DeliveryState From, DeliveryAction Action, DeliveryState To);

    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(DeliveryState.Pending, DeliveryAction.Send, DeliveryState.Sent),
        new(DeliveryState.Pending, DeliveryAction.Fail, DeliveryState.Failed),
        new(DeliveryState.Failed, DeliveryAction.Send, DeliveryState.Sent),
        new(DeliveryState.Failed, DeliveryAction.Fail, DeliveryState.Failed),
        new(DeliveryState.Failed, DeliveryAction.GiveUp, DeliveryState.GaveUp),
        new(DeliveryState.Sent, DeliveryAction.Receive, DeliveryState.Received),
        new(DeliveryState.Sent, DeliveryAction.Read, DeliveryState.Read),
        new(DeliveryState.Received, DeliveryAction.Read, DeliveryState.Read),
        new(DeliveryState.Sent, DeliveryAction.Acknowledge, DeliveryState.Acknowledged),
        new(DeliveryState.Received, DeliveryAction.Acknowledge, DeliveryState.Acknowledged),
        new(DeliveryState.Read, DeliveryAction.Acknowledge, DeliveryState.Acknowledged),
    ];

    public static Transition? Find(DeliveryState from, DeliveryAction action) => Table.FirstOrDefault(t => t.From == from && t.Action == action);

    public static bool Allows(DeliveryState from, DeliveryAction action) => Find(from, action) is not null;

    public static string French(this DeliveryState state) => state switch
    {
        DeliveryState.Pending => "À envoyer",
        DeliveryState.Sent => "Envoyée",
        DeliveryState.Received => "Reçue",
        DeliveryState.Read => "Lue",
        DeliveryState.Acknowledged => "Acquittée",
        DeliveryState.GaveUp => "Abandonnée",
        _ => "Échec",
    };

    public static string French(this DeliveryAction action) => action switch
    {
        DeliveryAction.Send => "d'envoyer",
        DeliveryAction.Fail => "de noter en échec",
        DeliveryAction.Receive => "de marquer reçue",
        DeliveryAction.Read => "de marquer lue",
        DeliveryAction.GiveUp => "d'abandonner",
        _ => "d'acquitter",
    };
}
