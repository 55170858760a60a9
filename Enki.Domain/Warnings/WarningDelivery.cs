namespace Enki.Domain.Warnings;

/// <summary>One person × one channel of a warning, with the time it reached each state.</summary>
public sealed class WarningDelivery
{
    private WarningDelivery() { }

    internal WarningDelivery(Guid warningId, WarningAccount account, WarningChannel channel, int level, bool silent)
    {
        Id = Guid.NewGuid();
        WarningId = warningId;
        UserId = account.UserId;
        UserName = account.Name;
        Channel = channel;
        Level = level;
        Silent = silent;
        State = DeliveryState.Pending;
    }

    public Guid Id { get; private set; }

    public Guid WarningId { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public WarningChannel Channel { get; private set; }

    /// <summary>0 for the first recipients, n for the n-th escalation step.</summary>
    public int Level { get; private set; }

    /// <summary>Within the person's quiet hours for a rule that is not urgent: shown in the centre without a pop-up.</summary>
    public bool Silent { get; private set; }

    public DeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When a failed delivery is tried again (<see cref="DeliveryRetry"/>); null otherwise.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public bool Can(DeliveryAction action) => DeliveryLifecycle.Allows(State, action);

    /// <summary>Takes a step of <see cref="DeliveryLifecycle"/>; refuses loudly any step the table does not list.</summary>
    internal void Move(DeliveryAction action, DateTimeOffset at, string? error = null)
    {
        var step = DeliveryLifecycle.Find(State, action)
            ?? throw new WarningRefused($"Impossible {action.French()} une remise à l'état « {State.French().ToLowerInvariant()} ».");
        State = step.To;
        switch (action)
        {
            case DeliveryAction.Send:
                Attempts++;
                SentAt = at;
                LastError = null;
                NextAttemptAt = null;
                break;
            case DeliveryAction.Fail:
                Attempts++;
                LastError = error;
                NextAttemptAt = at + DeliveryRetry.Delay(Attempts);
                break;
            case DeliveryAction.GiveUp:
                NextAttemptAt = null;
                break;
            case DeliveryAction.Receive:
                ReceivedAt = at;
                break;
            case DeliveryAction.Read:
                ReadAt = at;
                ReceivedAt ??= at;
                break;
            case DeliveryAction.Acknowledge:
                AcknowledgedAt = at;
                break;
        }
    }
}

/// <summary>An account a warning goes to, with what decides its channels: quiet hours in its territory's time.</summary>
/// <param name="Unreachable">Channels the account has no address for (no e-mail, no mobile number): no delivery is made there.</param>
public sealed record WarningAccount(
    string UserId, string Name, QuietHours? Quiet = null, DateTimeOffset? LocalNow = null, IReadOnlySet<WarningChannel>? Unreachable = null);
