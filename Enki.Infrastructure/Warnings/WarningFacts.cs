using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings;

/// <summary>
/// The store's answers to what rules need beyond the event. Built per batch of events: counts are read
/// when a burst rule asks, each at most once per territory and hour.
/// </summary>
public sealed class WarningFacts(EnkiDbContext db, ITerritoryDirectory territories) : IWarningFacts
{
    private readonly Dictionary<(string, DateTimeOffset), int> _counts = [];
    private readonly Dictionary<Guid, DateTimeOffset?> _lastRaised = [];

    public int IncidentsOpenedWithinHour(Jurisdiction territory, DateTimeOffset at)
    {
        var key = (territory.ToString(), at);
        if (_counts.TryGetValue(key, out var count)) return count;
        var from = at - TimeSpan.FromHours(1);
        var incidents = db.Incidents.AsNoTracking().Where(i => !i.IsExercise && i.OpenedAt > from && i.OpenedAt <= at);
        incidents = territory.Kind switch
        {
            JurisdictionKind.Commune => incidents.Where(i => i.CommuneCode == territory.Code),
            JurisdictionKind.Department => incidents.Where(i => i.DepartmentCode == territory.Code),
            JurisdictionKind.Zone => incidents.Where(i => i.ZoneCode == territory.Code),
            _ => incidents,
        };
        return _counts[key] = incidents.Count();
    }

    public IReadOnlyList<int> IncidentsOpenedWithinHourWeeksBefore(Jurisdiction territory, DateTimeOffset at, int weeks) =>
        [.. Enumerable.Range(1, weeks).Select(week => IncidentsOpenedWithinHour(territory, at - TimeSpan.FromDays(7 * week)))];

    public bool RaisedWithinHour(Guid ruleId, DateTimeOffset at)
    {
        if (!_lastRaised.TryGetValue(ruleId, out var last))
        {
            last = _lastRaised[ruleId] = db.Warnings.AsNoTracking().Where(w => w.RuleId == ruleId)
                .OrderByDescending(w => w.OccurredAt).Select(w => (DateTimeOffset?)w.OccurredAt).FirstOrDefault();
        }
        return last is { } raised && raised > at - TimeSpan.FromHours(1) && raised <= at;
    }

    /// <summary>A warning this batch just raised counts for the rest of the batch.</summary>
    public void NoteRaised(Guid ruleId, DateTimeOffset occurredAt) => _lastRaised[ruleId] = occurredAt;

    public string? DepartmentOfCommune(string communeCode) => territories.DepartmentOfCommune(communeCode);

    public string CommuneName(string communeCode)
    {
        var described = territories.Describe(Jurisdiction.Commune(communeCode));
        var code = described.LastIndexOf(" (", StringComparison.Ordinal);
        return code > 0 ? described[..code] : communeCode;
    }
}
