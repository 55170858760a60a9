namespace Enki.Domain.Incidents;

/// <summary>How many victims the call-taker estimated, in words, before anyone counts by triage colour.</summary>
public enum VictimCountEstimate
{
    None,
    One,
    /// <summary>2 to 4.</summary>
    Several,
    /// <summary>5 and more.</summary>
    Many,
    Unknown,
    NotDefined,
}
