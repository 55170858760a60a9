using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings;

/// <summary>The active accounts behind an owner or an escalation step, each with its quiet hours and local time.</summary>
public static class WarningAccounts
{
    public static async Task<IReadOnlyList<WarningAccount>> OfAsync(
        EnkiDbContext db, WarningOwnerKind kind, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => !u.IsDisabled);
        if (kind == WarningOwnerKind.Person)
        {
            users = users.Where(u => u.Id == code);
        }
        else
        {
            if (!TryParseOrganisation(code, out var profile, out var jurisdiction)) return [];
            users = users.Where(u => u.Profile == profile && u.JurisdictionKind == jurisdiction.Kind && u.JurisdictionCode == jurisdiction.Code);
        }
        var found = await users.OrderBy(u => u.DisplayName).Take(50)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.DepartmentCode, u.Email, u.PhoneNumber }).ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var quiet = await db.WarningPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var devices = (await db.WebPushSubscriptions.AsNoTracking().Where(s => ids.Contains(s.UserId)).Select(s => s.UserId).Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        return found.Select(u => new WarningAccount(u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName,
            quiet.GetValueOrDefault(u.Id)?.Quiet, TerritoryClock.Local(now, u.DepartmentCode),
            Unreachable(u.Email, u.PhoneNumber, devices.Contains(u.Id)))).ToList();
    }

    /// <summary>The channels an account has no address for (no e-mail, no mobile, no subscribed device): no delivery is made there (it would only fail).</summary>
    private static HashSet<WarningChannel> Unreachable(string? email, string? phone, bool hasDevice)
    {
        var none = new HashSet<WarningChannel>();
        if (!hasDevice) none.Add(WarningChannel.WebPush);
        if (string.IsNullOrWhiteSpace(email)) none.Add(WarningChannel.Email);
        if (string.IsNullOrWhiteSpace(phone)) none.Add(WarningChannel.Sms);
        return none;
    }

    /// <summary>Reads <c>commune:77108#Maire</c> back into a profile and a jurisdiction.</summary>
    public static bool TryParseOrganisation(string key, out Profile profile, out Jurisdiction jurisdiction)
    {
        profile = default;
        jurisdiction = Jurisdiction.National;
        var hash = key.LastIndexOf('#');
        if (hash <= 0 || !Jurisdiction.TryParse(key[..hash], out var parsed)) return false;
        var match = Enum.GetValues<Profile>().Where(p => p.Code() == key[(hash + 1)..]).ToList();
        if (match.Count != 1) return false;
        (profile, jurisdiction) = (match[0], parsed);
        return true;
    }

    /// <summary>The French name of an organisation for the warning's page (« Maire — Chelles (77108) »).</summary>
    public static string NameOf(string organisationKey, ITerritoryDirectory territories) =>
        TryParseOrganisation(organisationKey, out var profile, out var jurisdiction)
            ? $"{profile.Label()} — {territories.Describe(jurisdiction)}"
            : organisationKey;
}
