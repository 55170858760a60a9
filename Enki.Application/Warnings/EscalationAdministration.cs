using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>An organisation's escalation settings as its screen shows them: its ordered list, its members, its duty periods to come.</summary>
public sealed record EscalationSettings(
    string OrganisationKey, string OrganisationName, IReadOnlyList<EscalationStep> Steps, IReadOnlyList<WarningAccount> Members,
    IReadOnlyList<DutyPeriod> Duty);

/// <summary>
/// Orders an organisation's escalation list and sets who is on duty there, for those <see cref="AccessPolicy.MayManageEscalationOf"/>
/// allows (checked here, whatever the page showed); each change audited with the change itself.
/// </summary>
public sealed class EscalationAdministration(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, AuditRecorder recorder, TimeProvider clock)
{
    public const int MaxSteps = 5;
    public const string NotAllowed = "Organisation introuvable ou hors de votre périmètre.";

    /// <summary>The settings of an organisation (<c>commune:77108#Maire</c>); null when it is unknown or not the viewer's to manage.</summary>
    public async Task<EscalationSettings?> ReadAsync(Viewer viewer, string organisationKey, CancellationToken cancellationToken = default)
    {
        if (!Allowed(viewer, organisationKey)) return null;
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.EscalationLists.AsNoTracking().FirstOrDefaultAsync(l => l.OrganisationKey == organisationKey, cancellationToken);
        var members = await WarningAccounts.OfAsync(db, WarningOwnerKind.Organisation, organisationKey, now, cancellationToken);
        var duty = await db.DutyPeriods.AsNoTracking().Where(d => d.OrganisationKey == organisationKey && d.Until > now)
            .OrderBy(d => d.From).Take(50).ToListAsync(cancellationToken);
        return new EscalationSettings(organisationKey, WarningAccounts.NameOf(organisationKey, territories), list?.Steps ?? [], members, duty);
    }

    public async Task<WarningOutcome> SetListAsync(Viewer viewer, string organisationKey, IReadOnlyList<EscalationStep> steps, CancellationToken cancellationToken = default)
    {
        if (!Allowed(viewer, organisationKey)) return WarningOutcome.Refused(NotAllowed);
        if (steps.Count > MaxSteps) return WarningOutcome.Refused($"Une liste d'escalade compte {MaxSteps} étapes au plus.");
        if (steps.Any(s => string.IsNullOrWhiteSpace(s.Code) || string.IsNullOrWhiteSpace(s.Name))) return WarningOutcome.Refused("Chaque étape nomme une personne ou un service.");
        if (steps.Any(s => s.Kind == WarningOwnerKind.Organisation && s.Code == organisationKey && !s.OnDuty))
        {
            return WarningOutcome.Refused("L'organisation elle-même est déjà prévenue : escaladez vers une autre personne ou un autre service.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.EscalationLists.FirstOrDefaultAsync(l => l.OrganisationKey == organisationKey, cancellationToken);
        if (stored is null) db.EscalationLists.Add(stored = new StoredEscalationList { OrganisationKey = organisationKey });
        stored.Steps = steps.Select(s => s with { Name = s.Name.Trim(), Code = s.Code.Trim() }).ToList();
        Audit(db, viewer, EscalationAuditActions.ListChanged, organisationKey, string.Join(" → ", stored.Steps.Select(s => s.Name)));
        await db.SaveChangesAsync(cancellationToken);
        return WarningOutcome.Ok;
    }

    /// <summary>Puts one of the organisation's members on duty from <paramref name="from"/> to <paramref name="until"/>.</summary>
    public async Task<WarningOutcome> SetDutyAsync(
        Viewer viewer, string organisationKey, string userId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (!Allowed(viewer, organisationKey)) return WarningOutcome.Refused(NotAllowed);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var member = (await WarningAccounts.OfAsync(db, WarningOwnerKind.Organisation, organisationKey, now, cancellationToken)).FirstOrDefault(a => a.UserId == userId);
        if (member is null) return WarningOutcome.Refused("Seul un membre de l'organisation peut être de permanence pour elle.");
        DutyPeriod period;
        try
        {
            period = DutyPeriod.Create(organisationKey, member.UserId, member.Name, from, until, now);
        }
        catch (WarningRefused refused)
        {
            return WarningOutcome.Refused(refused.Message);
        }
        db.DutyPeriods.Add(period);
        Audit(db, viewer, EscalationAuditActions.DutySet, organisationKey, $"{member.Name}, du {period.From:yyyy-MM-dd HH:mm} au {period.Until:yyyy-MM-dd HH:mm} UTC");
        await db.SaveChangesAsync(cancellationToken);
        return WarningOutcome.Ok;
    }

    private bool Allowed(Viewer viewer, string organisationKey) =>
        Parse(organisationKey) is { } owner && AccessPolicy.MayManageEscalationOf(viewer, owner.Profile, owner.Jurisdiction, territories)
        && Jurisdiction.Exists(owner.Jurisdiction, territories);

    /// <summary>« commune:77108#Maire » → the mayor's profile over Chelles; null for anything else.</summary>
    public static (Profile Profile, Jurisdiction Jurisdiction)? Parse(string organisationKey)
    {
        var hash = organisationKey.LastIndexOf('#');
        if (hash <= 0 || !Jurisdiction.TryParse(organisationKey[..hash], out var jurisdiction)) return null;
        var code = organisationKey[(hash + 1)..];
        foreach (var profile in Enum.GetValues<Profile>())
        {
            if (profile.Code() == code) return (profile, jurisdiction);
        }
        return null;
    }

    private void Audit(EnkiDbContext db, Viewer viewer, string action, string organisationKey, string detail)
    {
        var owner = Parse(organisationKey)!.Value;
        recorder.Add(db, action, WarningAccounts.NameOf(organisationKey, territories), detail, Territory.Of(owner.Jurisdiction, territories), viewer);
    }
}
