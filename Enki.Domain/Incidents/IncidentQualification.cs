namespace Enki.Domain.Incidents;

/// <summary>
/// What happens, already resolved against the list of natures: the intake looks the code up, the
/// incident only keeps what it is told.
/// </summary>
/// <param name="Code">The nature code as sent (e.g. <c>C04.02.01</c>).</param>
/// <param name="Label">Our label, or the sender's when the code is missing from our list.</param>
/// <param name="Family">The family <c>C01</c>..<c>C11</c>, from the code's first characters (also for a code our list lacks).</param>
/// <param name="LabelAsSent">The sender's own label, kept when the code is unknown to our list or when it disagrees with ours.</param>
/// <param name="CodeUnknown">The code is missing from our list (another version of the list): <see cref="Label"/> is the sender's.</param>
public sealed record IncidentNature(string Code, string Label, string Family, string? LabelAsSent, bool CodeUnknown);

/// <summary>
/// How a sender qualifies an incident: its nature, the kind of place, the first victim estimate in
/// words and who called.
/// </summary>
public sealed record IncidentQualification(
    IncidentNature Nature,
    string? LocationKindLabel,
    VictimCountEstimate? VictimEstimate,
    CallerContact? Caller);

/// <summary>The case an incident stands for, as its sender identifies it.</summary>
/// <param name="CaseId">Shared case id, <c>{country}.{domain}.{organisation}.{sender case id}</c>.</param>
/// <param name="CreatedAt">When the case was created at the sender.</param>
public sealed record IncidentCase(string CaseId, string? SenderCaseId, DateTimeOffset CreatedAt);
