using System.Security.Cryptography;
using System.Text;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Access;

public sealed record InvitationRequest(string Email, string DisplayName, string? Organisation, Profile Profile, Jurisdiction Jurisdiction);

/// <summary>Outcome of an account operation: French errors, or success (with the invitation link when one was made).</summary>
public sealed record AccountResult(IReadOnlyList<string> Errors, string? Link = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(params string[] errors) => new(errors);

    public static AccountResult Ok(string? link = null) => new([], link);
}

/// <summary>
/// Account management for administrators (all accounts) and préfectures (their department).
/// Accounts outside the viewer's jurisdiction are treated as not existing.
/// </summary>
public sealed class AccountAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<EnkiDbContext> dbFactory,
    ITerritoryDirectory territories,
    IMailSender mail,
    IAuditTrail audit,
    EnkiOptions options,
    TimeProvider clock,
    SessionRevocations revocations)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<EnkiUser>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayManageAccounts(viewer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(AccessPolicy.Located<EnkiUser>(viewer)).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
    }

    public async Task<EnkiUser?> FindAsync(Viewer viewer, string id, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayManageAccounts(viewer)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(AccessPolicy.Located<EnkiUser>(viewer)).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    public async Task<AccountResult> InviteAsync(Viewer viewer, InvitationRequest request, string baseUri, CancellationToken cancellationToken = default)
    {
        var errors = AccessPolicy.GrantErrors(viewer, null, request.Profile, request.Jurisdiction, territories);
        if (errors.Count > 0) return new AccountResult(errors);
        var email = request.Email.Trim();
        if (string.IsNullOrWhiteSpace(request.DisplayName)) return AccountResult.Fail("Le nom est obligatoire.");

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            return AccountResult.Fail("Un compte existe déjà pour cette adresse.");
        }
        var user = new EnkiUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(), Organisation = request.Organisation?.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        user.Grant(request.Profile, request.Jurisdiction, territories);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return new AccountResult(created.Errors.Select(e => e.Description).ToList());

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), UserId = user.Id, TokenHash = Hash(token),
                CreatedAt = now, ExpiresAt = now + InvitationLifetime, CreatedBy = viewer.Id,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var root = (options.Mail.PublicBaseUrl ?? baseUri).TrimEnd('/');
        var link = $"{root}/compte/invitation?jeton={token}";
        await mail.SendAsync(email, "Votre accès à Enki, console de crise",
            $"""
            Bonjour {user.DisplayName},

            {viewer.Name} vous a ouvert un compte Enki : profil {request.Profile.Label()}, périmètre {request.Jurisdiction.Label}.
            Choisissez votre mot de passe avec ce lien, valable 24 heures et utilisable une seule fois :

            {link}

            Si vous n'attendiez pas ce message, ignorez-le.
            """, cancellationToken);
        await audit.RecordAsync(AuditActions.Invitation, email,
            $"{request.Profile.Label()} — {request.Jurisdiction.Label}", user, viewer, cancellationToken: cancellationToken);
        return AccountResult.Ok(link);
    }

    public async Task<AccountResult> ChangeAccessAsync(Viewer viewer, string id, Profile profile, Jurisdiction jurisdiction, CancellationToken cancellationToken = default)
    {
        var errors = AccessPolicy.GrantErrors(viewer, id, profile, jurisdiction, territories);
        if (errors.Count > 0) return new AccountResult(errors);
        return await UpdateAsync(viewer, id, async (users, user) =>
        {
            var before = $"{user.Profile.Label()} — {user.Jurisdiction.Label}";
            user.Grant(profile, jurisdiction, territories);
            var result = await users.UpdateAsync(user);
            // A new stamp ends open sessions (every request checks it); open screens are told at once.
            if (result.Succeeded) await users.UpdateSecurityStampAsync(user);
            if (result.Succeeded) revocations.RevokeUser(user.Id);
            return (result, AuditActions.AccessChanged, $"{before} → {profile.Label()} — {jurisdiction.Label}");
        }, cancellationToken);
    }

    public Task<AccountResult> SetDisabledAsync(Viewer viewer, string id, bool disabled, CancellationToken cancellationToken = default)
    {
        if (AccessPolicy.MayManageAccounts(viewer) && !AccessPolicy.MayChangeAccessOf(viewer, id)) return Task.FromResult(AccountResult.Fail(AccessPolicy.SelfDisableRefusal));
        return UpdateAsync(viewer, id, async (users, user) =>
        {
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user);
            // Changing the stamp ends the account's open sessions (every request checks it); open screens are told at once.
            if (result.Succeeded) await users.UpdateSecurityStampAsync(user);
            if (result.Succeeded && disabled) revocations.RevokeUser(user.Id);
            return (result, disabled ? AuditActions.Disabled : AuditActions.Enabled, (string?)null);
        }, cancellationToken);
    }

    private async Task<AccountResult> UpdateAsync(Viewer viewer, string id,
        Func<UserManager<EnkiUser>, EnkiUser, Task<(IdentityResult Result, string Action, string? Detail)>> change,
        CancellationToken cancellationToken)
    {
        // Same answer as for a missing account: the existence of accounts elsewhere is not disclosed.
        if (await FindAsync(viewer, id, cancellationToken) is null) return AccountResult.Fail("Compte introuvable.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null) return AccountResult.Fail("Compte introuvable.");
        var (result, action, detail) = await change(users, user);
        if (!result.Succeeded) return new AccountResult(result.Errors.Select(e => e.Description).ToList());
        await audit.RecordAsync(action, user.UserName, detail, user, viewer, cancellationToken: cancellationToken);
        return AccountResult.Ok();
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public enum InvitationState
{
    Valid,
    Unknown,
    Used,
    Expired,
}

/// <summary>Checks and consumes one-time invitation links.</summary>
public sealed class InvitationAcceptance(
    IServiceScopeFactory scopes, IDbContextFactory<EnkiDbContext> dbFactory, IAuditTrail audit, TimeProvider clock)
{
    public static string Explain(InvitationState state) => state switch
    {
        InvitationState.Used => "Ce lien d'invitation a déjà été utilisé. Demandez une nouvelle invitation à votre administrateur.",
        InvitationState.Expired => "Ce lien d'invitation a expiré (validité 24 heures). Demandez une nouvelle invitation à votre administrateur.",
        InvitationState.Unknown => "Ce lien d'invitation n'est pas valide.",
        _ => "",
    };

    public async Task<(InvitationState State, EnkiUser? User)> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token)) return (InvitationState.Unknown, null);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = AccountAdministration.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null) return (InvitationState.Unknown, null);
        if (invitation.UsedAt is not null) return (InvitationState.Used, null);
        if (clock.GetUtcNow() >= invitation.ExpiresAt) return (InvitationState.Expired, null);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken);
        return user is null ? (InvitationState.Unknown, null) : (InvitationState.Valid, user);
    }

    public async Task<AccountResult> AcceptAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        var (state, found) = await CheckAsync(token, cancellationToken);
        if (state != InvitationState.Valid) return AccountResult.Fail(Explain(state));

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        var user = await users.FindByIdAsync(found!.Id);
        if (user is null) return AccountResult.Fail(Explain(InvitationState.Unknown));
        // The password's rules first, so that a refused password does not use the link up.
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) return new AccountResult(errors);

        // Used up in one conditional write: of two submissions at the same moment, exactly one passes.
        var hash = AccountAdministration.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Invitations.Where(i => i.TokenHash == hash && i.UsedAt == null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.UsedAt, clock.GetUtcNow()), cancellationToken);
        if (taken == 0) return AccountResult.Fail(Explain(InvitationState.Used));

        // A re-invited account may already have one: the link replaces it.
        if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            await db.Invitations.Where(i => i.TokenHash == hash)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.UsedAt, (DateTimeOffset?)null), CancellationToken.None);
            return new AccountResult(result.Errors.Select(e => e.Description).ToList());
        }
        await audit.RecordAsync(AuditActions.InvitationAccepted, user.UserName, null, user,
            new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction), cancellationToken: cancellationToken);
        return AccountResult.Ok();
    }
}
