namespace Enki.Domain.Warnings;

/// <summary>
/// When a channel that failed is tried again: 1 min after the first failure, then 2, 4, 8… (doubling,
/// at most an hour apart); after <see cref="MaxAttempts"/> attempts the delivery is abandoned.
/// </summary>
public static class DeliveryRetry
{
    public const int MaxAttempts = 8;

    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 → 1 min, 2 → 2 min, 3 → 4 min…).</summary>
    public static TimeSpan Delay(int attempts)
    {
        if (attempts < 1) return TimeSpan.Zero;
        var minutes = Math.Pow(2, Math.Min(attempts - 1, 30)) * First.TotalMinutes;
        return minutes >= Longest.TotalMinutes ? Longest : TimeSpan.FromMinutes(minutes);
    }
}
