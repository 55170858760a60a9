namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>
/// Real traffic or not: EDXL-DE <c>distributionStatus</c>, RC-DE <c>status</c>, CISU XML <c>status</c>
/// and EMSI <c>CONTEXT.MODE</c> all carry it.
/// </summary>
public enum TrafficKind
{
    /// <summary>No status in the payload (a bare hub message without envelope).</summary>
    Unspecified,
    /// <summary><c>Actual</c> / <c>ACTUAL</c>: real operations.</summary>
    Actual,
    /// <summary><c>Exercise</c> / <c>EXERCS</c>: an exercise, never to be shown as real.</summary>
    Exercise,
    /// <summary><c>TEST</c>: a technical test.</summary>
    Test,
    /// <summary><c>System</c> / <c>SYSTEM</c>: system traffic.</summary>
    System,
}

/// <summary>Parsing and combining of traffic statuses.</summary>
public static class TrafficKinds
{
    /// <summary>Maps a status word of any of the formats (case-insensitive); null when the word is unknown.</summary>
    public static TrafficKind? Parse(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "ACTUAL" => TrafficKind.Actual,
        // EXCERCS is the spelling of the EMSI code list, EXERCS the one of the EMSI schema.
        "EXERCISE" or "EXERCS" or "EXCERCS" => TrafficKind.Exercise,
        "TEST" => TrafficKind.Test,
        "SYSTEM" => TrafficKind.System,
        _ => null,
    };

    /// <summary>
    /// Combines the envelope status with the status of a carried message: anything that is not real
    /// traffic wins (an exercise message in an "Actual" envelope is an exercise), the first one
    /// when both are non-real.
    /// </summary>
    public static TrafficKind Combine(TrafficKind first, TrafficKind second)
    {
        if (IsNonReal(first))
        {
            return first;
        }

        if (IsNonReal(second))
        {
            return second;
        }

        return first == TrafficKind.Actual || second == TrafficKind.Actual ? TrafficKind.Actual : TrafficKind.Unspecified;
    }

    private static bool IsNonReal(TrafficKind kind) => kind is TrafficKind.Exercise or TrafficKind.Test or TrafficKind.System;
}
