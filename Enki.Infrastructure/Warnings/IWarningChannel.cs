using Enki.Domain.Warnings;

namespace Enki.Infrastructure.Warnings;

/// <summary>What a channel is handed for one delivery; <see cref="DeliveryId"/> is its idempotency key towards the outside.</summary>
/// <param name="Place">The warning's place in words (« Chelles (77108) »), when it has one.</param>
public sealed record WarningMessage(
    Guid DeliveryId, Guid WarningId, string UserId, string UserName, string Title, string Detail, bool Urgent, bool Silent, string? Place = null);

/// <summary>
/// A way to reach a person (in-app, e-mail and SMS in <c>Channels/</c>; Web Push plugs in here). Called by the relay
/// once per claimed delivery; throws when the channel did not take it (the delivery is then noted
/// failed and retried). A channel that talks to the outside passes <see cref="WarningMessage.DeliveryId"/>
/// along so a retry after a crash cannot double what the far side already took.
/// </summary>
public interface IWarningChannel
{
    WarningChannel Channel { get; }

    /// <summary>Whether it rings a phone: quiet hours hold it back for rules that are not urgent.</summary>
    bool Interrupts { get; }

    /// <summary>
    /// True when delivering is nothing but the committed « envoyée » step (in-app): it is then taken in
    /// the raise's own transaction, which can be neither lost nor doubled, one commit sooner on screen.
    /// </summary>
    bool DeliversOnCommit => false;

    Task SendAsync(WarningMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The notification centre: the delivery's « envoyée » step, committed with its <see cref="WarningDelivered"/>
/// event, is what puts it in the person's centre, live on every node through the stream. Nothing else to do.
/// </summary>
public sealed class InAppWarningChannel : IWarningChannel
{
    public WarningChannel Channel => WarningChannel.InApp;

    public bool Interrupts => false;

    public bool DeliversOnCommit => true;

    public Task SendAsync(WarningMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
