using Enki.Domain.Warnings;
using Enki.Infrastructure.Live;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Warnings;

public enum WarningChangeKind
{
    /// <summary>A delivery reached a person's notification centre.</summary>
    Delivered,
    Acknowledged,
    Escalated,
}

/// <param name="UserId">The person a delivery reached (Delivered only).</param>
public sealed record WarningChange(Guid WarningId, WarningChangeKind Kind, string Title, bool Urgent, string OwnerCode, string? UserId, bool Silent, string? ActorName);

/// <summary>This node's live feed of warnings, fed from the stream once committed (<see cref="WarningScreensHandler"/>).</summary>
public interface IWarningFeed
{
    ValueTask PublishAsync(WarningChange change, CancellationToken cancellationToken = default);

    IDisposable Subscribe(Func<WarningChange, ValueTask> onChange);
}

public sealed class InProcessWarningFeed(ILogger<InProcessWarningFeed> logger) : IWarningFeed
{
    private readonly InProcessSubscribers<WarningChange> _subscribers = new(logger);

    public ValueTask PublishAsync(WarningChange change, CancellationToken cancellationToken = default) => _subscribers.PublishAsync(change);

    public IDisposable Subscribe(Func<WarningChange, ValueTask> onChange) => _subscribers.Add(onChange);
}
