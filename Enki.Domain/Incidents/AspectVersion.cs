namespace Enki.Domain.Incidents;

/// <summary>
/// How recent what an incident knows about one aspect (status, victims, qualification) is: the
/// sender's time of the message it came from, then Enki's arrival order for equal sender times.
/// Senders' clocks are compared with each other only, never with Enki's.
/// </summary>
public readonly record struct AspectVersion(DateTimeOffset At, long Arrival) : IComparable<AspectVersion>
{
    /// <summary>Nothing known yet: any message is newer.</summary>
    public static readonly AspectVersion None = new(DateTimeOffset.MinValue, long.MinValue);

    public int CompareTo(AspectVersion other)
    {
        var byTime = At.CompareTo(other.At);
        return byTime != 0 ? byTime : Arrival.CompareTo(other.Arrival);
    }

    public static bool operator >(AspectVersion left, AspectVersion right) => left.CompareTo(right) > 0;

    public static bool operator <(AspectVersion left, AspectVersion right) => left.CompareTo(right) < 0;

    public static bool operator >=(AspectVersion left, AspectVersion right) => left.CompareTo(right) >= 0;

    public static bool operator <=(AspectVersion left, AspectVersion right) => left.CompareTo(right) <= 0;
}
