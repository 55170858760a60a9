namespace Enki.Domain.History;

/// <summary>
/// Which of an event's two times places it in the past. The two are never mixed: a crisis room asks
/// « what did we know at 02:10? », an after-action review also « what was really happening then? ».
/// </summary>
public enum HistoryClock
{
    /// <summary>As Enki knew it at the instant: only what had been recorded by then (the default).</summary>
    AsKnown,

    /// <summary>As it actually was: everything that had happened by then, late messages included.</summary>
    AsItWas,
}
