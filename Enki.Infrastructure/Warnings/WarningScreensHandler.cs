using Enki.Domain.Events;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Events;

namespace Enki.Infrastructure.Warnings;

/// <summary>Hands this node's open notification centres the warnings' committed steps (every node reads the stream).</summary>
public sealed class WarningScreensHandler(IWarningFeed feed) : IEventHandler
{
    public string Name => "ecrans-avertissements";

    public HandlerScope Scope => HandlerScope.Node;

    public bool Handles(DomainEvent happened) => happened is WarningDelivered or WarningAcknowledged or WarningEscalated;

    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var recorded in events)
        {
            var change = recorded.Event switch
            {
                WarningDelivered d when d.Channel == WarningChannel.InApp =>
                    new WarningChange(d.Warning.WarningId, WarningChangeKind.Delivered, d.Warning.Title, d.Warning.Urgent, d.Warning.OwnerCode, d.UserId, d.Silent, null),
                WarningAcknowledged a =>
                    new WarningChange(a.Warning.WarningId, WarningChangeKind.Acknowledged, a.Warning.Title, a.Warning.Urgent, a.Warning.OwnerCode, null, false, a.UserName),
                WarningEscalated e =>
                    new WarningChange(e.Warning.WarningId, WarningChangeKind.Escalated, e.Warning.Title, e.Warning.Urgent, e.Warning.OwnerCode, null, false, e.RecipientName),
                _ => null,
            };
            if (change is not null) await feed.PublishAsync(change, cancellationToken);
        }
    }
}
