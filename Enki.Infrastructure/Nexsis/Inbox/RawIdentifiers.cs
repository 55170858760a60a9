using System.Text;
using System.Text.RegularExpressions;

namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>
/// The distribution and case ids of a payload the readers refused (truncated, unknown nature...),
/// found in its raw text: an administrator looking at the quarantine sees which case a refused
/// message was about. Hub JSON (<c>distributionID</c>, <c>caseId</c>), CISU XML
/// (<c>distributionID</c>, <c>eventId</c>) and EMSI (<c>EVENT.ID</c>) alike; null when absent.
/// </summary>
public static partial class RawIdentifiers
{
    public static string? DistributionId(byte[] payload) => First(Text(payload), DistributionPatterns());

    public static string? CaseId(byte[] payload) => First(Text(payload), CasePatterns());

    private static string Text(byte[] payload) => Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, 256 * 1024));

    private static string? First(string text, Regex[] patterns)
    {
        foreach (var pattern in patterns)
        {
            var match = pattern.Match(text);
            if (match.Success && match.Groups[1].Value.Trim() is { Length: > 0 and <= 200 } id) return id;
        }
        return null;
    }

    private static Regex[] DistributionPatterns() => [JsonDistribution(), XmlDistribution()];

    private static Regex[] CasePatterns() => [JsonCase(), XmlCase(), EmsiCase()];

    [GeneratedRegex("\"distributionID\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex JsonDistribution();

    [GeneratedRegex("<(?:\\w+:)?distributionID>([^<]+)</")]
    private static partial Regex XmlDistribution();

    [GeneratedRegex("\"caseId\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex JsonCase();

    [GeneratedRegex("<(?:\\w+:)?eventId>([^<]+)</")]
    private static partial Regex XmlCase();

    [GeneratedRegex("\"EVENT\"\\s*:\\s*\\{[^{}]*?\"ID\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex EmsiCase();
}
