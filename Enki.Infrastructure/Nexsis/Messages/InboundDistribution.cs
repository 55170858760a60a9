namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>The wire format a distribution arrived in.</summary>
public enum PayloadFormat
{
    /// <summary>EDXL-DE 2.0 XML carrying CISU 2.0 messages (NexSIS exchange system, 2020).</summary>
    CisuXml,
    /// <summary>Hub JSON: EDXL-DE JSON envelope or a bare RC-EDA / RC-RI / EMSI / RC-REF message.</summary>
    HubJson,
}

/// <summary>
/// One received distribution (EDXL-DE envelope, or the context of a bare message) and what it says
/// about itself. Values are kept as sent; the fields are null when the payload does not carry them
/// (a bare hub message has no envelope).
/// </summary>
/// <param name="DistributionId">EDXL-DE <c>distributionID</c>; for a bare EMSI, <c>CONTEXT.ID</c>.</param>
/// <param name="SenderId">EDXL-DE <c>senderID</c>; for a bare EMSI, <c>CONTEXT.ORIGIN.ORG_ID</c>.</param>
/// <param name="SentAt">EDXL-DE <c>dateTimeSent</c>; for a bare EMSI, <c>CONTEXT.CREATION</c>.</param>
/// <param name="Traffic">Combined status of the envelope and of the carried messages.</param>
/// <param name="Kind">EDXL-DE <c>distributionKind</c> (Report, Update, Cancel, Ack, Error) or EMSI <c>MSGTYPE</c>, as sent.</param>
/// <param name="Format">The wire format.</param>
public sealed record InboundDistribution(
    string? DistributionId,
    string? SenderId,
    DateTimeOffset? SentAt,
    TrafficKind Traffic,
    string? Kind,
    PayloadFormat Format)
{
    /// <summary>True for exercise traffic (<c>Exercise</c> / <c>EXERCS</c>).</summary>
    public bool IsExercise => Traffic == TrafficKind.Exercise;

    /// <summary>True only for traffic explicitly marked as real (<c>Actual</c> / <c>ACTUAL</c>).</summary>
    public bool IsRealTraffic => Traffic == TrafficKind.Actual;
}
