using Enki.Domain.Access;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The resources of real incidents whose first status (<see cref="Released"/> false: « moyens engagés ») or release
/// (true: « durée d'engagement ») falls in one hour (UTC), by commune and kind of resource: how many share each exact
/// engagement duration (in ticks, 0 for a first status). Dated by the resources' own times, not by the opening, so the
/// saves mark the hours of the facts they add or take away (<see cref="ResourceFacts.Of"/>), and the refresh rewrites
/// a marked hour with the incidents' other rows (<see cref="OpenedHourRefreshJob"/>).
/// </summary>
public sealed class ResourceHour : ILocatedInTerritory
{
    public DateTimeOffset Hour { get; set; }

    public string CommuneCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <summary>The longest kind kept: a sender's text has no bound (<see cref="ResourceFacts.Of"/> cuts it, on every path alike).</summary>
    public const int MaxKindLength = 200;

    /// <summary>As the sender names it, <see cref="ResourceFacts.UnknownKind"/> when it names none.</summary>
    public string Kind { get; set; } = "";

    /// <summary>A release (with its duration), not a first status.</summary>
    public bool Released { get; set; }

    /// <summary>From the first status to the release; 0 for a first status.</summary>
    public long DurationTicks { get; set; }

    /// <summary>How many resources of the hour, commune and kind had exactly this fact.</summary>
    public int Resources { get; set; }
}
