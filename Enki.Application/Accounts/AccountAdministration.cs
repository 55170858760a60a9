using Enki.Infrastructure.Access;
using System.Security.Cryptography;
using System.Text;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application.Accounts;

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
    AuditRecorder recorder,
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

        // The account, its invitation and the audit row are saved together by Identity's one save.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var db = IdentityStoreContext.Of(scope.ServiceProvider);
        var now = clock.GetUtcNow();
        db.Invitations.Add(new Invitation
        {
            Id = Guid.NewGuid(), UserId = user.Id, TokenHash = Hash(token),
            CreatedAt = now, ExpiresAt = now + InvitationLifetime, CreatedBy = viewer.Id,
        });
        recorder.Add(db, AuditActions.Invitation, email, $"{request.Profile.Label()} — {request.Jurisdiction.Label}", user, viewer);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return new AccountResult(created.Errors.Select(e => e.Description).ToList());

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
        return AccountResult.Ok(link);
    }

    public async Task<AccountResult> ChangeAccessAsync(Viewer viewer, string id, Profile profile, Jurisdiction jurisdiction, CancellationToken cancellationToken = default)
    {
        var errors = AccessPolicy.GrantErrors(viewer, id, profile, jurisdiction, territories);
        if (errors.Count > 0) return new AccountResult(errors);
        return await UpdateAsync(viewer, id, user =>
        {
            var before = $"{user.Profile.Label()} — {user.Jurisdiction.Label}";
            user.Grant(profile, jurisdiction, territories);
            return new AccountChange(AuditActions.AccessChanged, $"{before} → {profile.Label()} — {jurisdiction.Label}", EndsSessions: true);
        }, cancellationToken);
    }

    public Task<AccountResult> SetDisabledAsync(Viewer viewer, string id, bool disabled, CancellationToken cancellationToken = default)
    {
        if (AccessPolicy.MayManageAccounts(viewer) && !AccessPolicy.MayChangeAccessOf(viewer, id)) return Task.FromResult(AccountResult.Fail(AccessPolicy.SelfDisableRefusal));
        return UpdateAsync(viewer, id, user =>
        {
            user.IsDisabled = disabled;
            return new AccountChange(disabled ? AuditActions.Disabled : AuditActions.Enabled, null, EndsSessions: disabled);
        }, cancellationToken);
    }

    private sealed record AccountChange(string Action, string? Detail, bool EndsSessions);

    /// <summary>
    /// Applies a change to a visible account and saves it with a new security stamp (open sessions end:
    /// every request checks it) and its audit row, in Identity's one save.
    /// </summary>
    private async Task<AccountResult> UpdateAsync(Viewer viewer, string id, Func<EnkiUser, AccountChange> change, CancellationToken cancellationToken)
    {
        // Same answer as for a missing account: the existence of accounts elsewhere is not disclosed.
        if (await FindAsync(viewer, id, cancellationToken) is null) return AccountResult.Fail("Compte introuvable.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null) return AccountResult.Fail("Compte introuvable.");
        var (action, detail, endsSessions) = change(user);
        recorder.Add(IdentityStoreContext.Of(scope.ServiceProvider), action, user.UserName, detail, user, viewer);
        // Saves the whole account (validated), not only its stamp: one write for the change, the stamp and the row.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return new AccountResult(result.Errors.Select(e => e.Description).ToList());
        // Open screens are told at once, once the change is committed.
        if (endsSessions) revocations.RevokeUser(user.Id);
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
    IServiceScopeFactory scopes, IDbContextFactory<EnkiDbContext> dbFactory, AuditRecorder recorder, TimeProvider clock)
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
        // SQL Server's retrying strategy runs the whole transaction again, in a fresh scope, after a transient failure.
        await using var probe = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(
            () => AcceptOnceAsync(AccountAdministration.Hash(token), found!.Id, password, cancellationToken));
    }

    /// <summary>
    /// Uses the link up, sets the password and writes the audit row in one transaction on Identity's context
    /// (setting a password may take Identity two saves): all of it or, on any failure, none.
    /// </summary>
    private async Task<AccountResult> AcceptOnceAsync(string hash, string userId, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail(Explain(InvitationState.Unknown));
        // The password's rules first, so that a refused password does not use the link up.
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) return new AccountResult(errors);

        var db = IdentityStoreContext.Of(scope.ServiceProvider);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Used up in one conditional write: of two submissions at the same moment, exactly one passes.
        var taken = await db.Invitations.Where(i => i.TokenHash == hash && i.UsedAt == null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.UsedAt, clock.GetUtcNow()), cancellationToken);
        if (taken == 0) return AccountResult.Fail(Explain(InvitationState.Used));

        recorder.Add(db, AuditActions.InvitationAccepted, user.UserName, null, user,
            new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction));
        // A re-invited account may already have one: the link replaces it.
        if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        // Not committed: the link stays usable, and no row says it was used.
        if (!result.Succeeded) return new AccountResult(result.Errors.Select(e => e.Description).ToList());
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Ok();
    }
}
