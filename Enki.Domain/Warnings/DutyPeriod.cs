namespace Enki.Domain.Warnings;

/// <summary>
/// A person on duty (« de permanence ») for an organisation over a period: the escalation step that names the
/// organisation's duty role reaches that person, and no one else of the organisation, while it lasts.
/// </summary>
public sealed class DutyPeriod
{
    /// <summary>A duty is a shift or a week-end, a month at most.</summary>
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(31);

    private DutyPeriod() { }

    public Guid Id { get; private set; }

    /// <summary>The organisation, named as warning owners are (<c>departement:77#Prefecture</c>).</summary>
    public string OrganisationKey { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public bool Covers(DateTimeOffset at) => From <= at && at < Until;

    public static DutyPeriod Create(string organisationKey, string userId, string userName, DateTimeOffset from, DateTimeOffset until, DateTimeOffset now)
    {
        if (until <= from) throw new WarningRefused("La fin de la permanence doit suivre son début.");
        if (until - from > LongestPeriod) throw new WarningRefused("Une permanence dure un mois au plus.");
        if (until <= now) throw new WarningRefused("Cette permanence est déjà terminée.");
        return new DutyPeriod
        {
            Id = Guid.NewGuid(), OrganisationKey = organisationKey, UserId = userId, UserName = userName,
            From = from.ToUniversalTime(), Until = until.ToUniversalTime(), SetAt = now,
        };
    }

    /// <summary>Who is on duty at <paramref name="at"/>: the latest period begun that covers it (a replacement set over a shift wins).</summary>
    public static DutyPeriod? OnDutyAt(IEnumerable<DutyPeriod> periods, DateTimeOffset at) =>
        periods.Where(p => p.Covers(at)).OrderByDescending(p => p.From).ThenByDescending(p => p.SetAt).FirstOrDefault();
}
