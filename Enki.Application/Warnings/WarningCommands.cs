using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>What a person's action came to: done, or refused with a French reason for the screen.</summary>
public sealed record WarningOutcome(bool Done, string? Refusal = null)
{
    public static readonly WarningOutcome Ok = new(true);

    public static WarningOutcome Refused(string reason) => new(false, reason);
}

/// <summary>
/// What people do with warnings: acknowledge, mark seen, edit the rules of their organisation or their
/// own, set their quiet hours. Every id is checked against the viewer here, whatever the page showed.
/// </summary>
public sealed class WarningCommands(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, TimeProvider clock)
{
    public const string NotFound = "Avertissement introuvable.";

    /// <summary>One tap: the whole warning is acknowledged for everyone it went to, and its escalation stops.</summary>
    public async Task<WarningOutcome> AcknowledgeAsync(Viewer viewer, Guid warningId, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return WarningOutcome.Refused(NotFound);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var warning = await db.Warnings.Include(w => w.Deliveries).FirstOrDefaultAsync(w => w.Id == warningId, cancellationToken);
        var organisation = WarningQueries.OrganisationKey(viewer);
        // Supervisors read a warning of their territory; only those it is addressed to acknowledge it.
        if (warning is null || !warning.IsAddressedTo(viewer.Id, organisation)) return WarningOutcome.Refused(NotFound);
        return await SaveAcknowledgementAsync(db, warning, viewer, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Acknowledges for <paramref name="by"/>, writes it in the main courante, commits; of two at once, the second is told who was first.</summary>
    internal static async Task<WarningOutcome> SaveAcknowledgementAsync(
        EnkiDbContext db, Warning warning, Viewer by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            warning.Acknowledge(by.Id, by.Name, WarningQueries.OrganisationKey(by), now);
            await WarningLogbook.AcknowledgedAsync(db, warning, by, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return WarningOutcome.Ok;
        }
        catch (WarningRefused refused)
        {
            return WarningOutcome.Refused(refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            var first = await db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id).Select(w => w.AcknowledgedByName).FirstOrDefaultAsync(cancellationToken);
            return WarningOutcome.Refused(first is null ? "L'avertissement vient de changer : réessayez." : $"Déjà acquitté par {first}.");
        }
    }

    /// <summary>The viewer's open app showed these warnings (reçue) or they opened them (lue).</summary>
    public async Task MarkSeenAsync(Viewer viewer, IReadOnlyCollection<Guid> warningIds, DeliveryAction action, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer) || warningIds.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seen = action == DeliveryAction.Read ? DeliveryState.Read : DeliveryState.Received;
        var warnings = await db.Warnings.Include(w => w.Deliveries)
            .Where(w => warningIds.Contains(w.Id) && w.Deliveries.Any(d => d.UserId == viewer.Id && d.Channel == WarningChannel.InApp
                                                                           && (d.State == DeliveryState.Sent || (d.State == DeliveryState.Received && seen == DeliveryState.Read))))
            .ToListAsync(cancellationToken);
        if (warnings.Count == 0) return;
        foreach (var warning in warnings) warning.Seen(viewer.Id, action, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates (no id) or changes a rule of the viewer's organisation or of the viewer; the territory must lie inside their jurisdiction.</summary>
    public async Task<WarningOutcome> SaveRuleAsync(
        Viewer viewer, Guid? ruleId, WarningOwnerKind ownerKind, WarningRuleSettings settings, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return WarningOutcome.Refused("Vous ne pouvez pas régler d'avertissements.");
        var owner = ownerKind == WarningOwnerKind.Organisation
            ? WarningOwner.OrganisationOf(viewer)
            : WarningOwner.Person(viewer.Id, viewer.Profile!.Value, viewer.Jurisdiction);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (ruleId is { } id)
            {
                var rule = await db.WarningRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
                if (rule is null || !AccessPolicy.MayManageRulesOf(viewer, rule.Owner)) return WarningOutcome.Refused("Règle introuvable.");
                rule.Change(settings, territories, now);
            }
            else
            {
                db.WarningRules.Add(WarningRule.Create(owner, settings, territories, now));
            }
            await db.SaveChangesAsync(cancellationToken);
            return WarningOutcome.Ok;
        }
        catch (WarningRefused refused)
        {
            return WarningOutcome.Refused(refused.Message);
        }
    }

    public async Task<WarningOutcome> DeleteRuleAsync(Viewer viewer, Guid ruleId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.WarningRules.FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null || !AccessPolicy.MayManageRulesOf(viewer, rule.Owner)) return WarningOutcome.Refused("Règle introuvable.");
        db.WarningRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return WarningOutcome.Ok;
    }

    public async Task<WarningOutcome> SetQuietHoursAsync(Viewer viewer, QuietHours? quiet, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayHaveWarnings(viewer)) return WarningOutcome.Refused("Vous ne pouvez pas régler d'avertissements.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preferences = await db.WarningPreferences.FirstOrDefaultAsync(p => p.UserId == viewer.Id, cancellationToken);
        if (preferences is null) db.WarningPreferences.Add(preferences = new WarningPreferences(viewer.Id));
        try
        {
            preferences.SetQuietHours(quiet);
        }
        catch (WarningRefused refused)
        {
            return WarningOutcome.Refused(refused.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return WarningOutcome.Ok;
    }

    /// <summary>Gives an organisation its profile's default rules when it has none (demo accounts, a new service).</summary>
    public async Task<int> EnsureDefaultRulesAsync(WarningOwner owner, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WarningRules.AnyAsync(r => r.OwnerKind == owner.Kind && r.OwnerCode == owner.Code, cancellationToken)) return 0;
        var now = clock.GetUtcNow();
        var defaults = WarningRuleDefaults.For(owner.Profile, owner.Jurisdiction);
        foreach (var settings in defaults) db.WarningRules.Add(WarningRule.Create(owner, settings, territories, now));
        await db.SaveChangesAsync(cancellationToken);
        return defaults.Count;
    }

    /// <summary>Sets an organisation's escalation list (its deputy, then its préfecture's duty officer…).</summary>
    public async Task SetEscalationListAsync(EscalationList list, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.EscalationLists.FirstOrDefaultAsync(l => l.OrganisationKey == list.OrganisationKey, cancellationToken);
        if (stored is null) db.EscalationLists.Add(stored = new StoredEscalationList { OrganisationKey = list.OrganisationKey });
        stored.Steps = [.. list.Steps];
        await db.SaveChangesAsync(cancellationToken);
    }
}
