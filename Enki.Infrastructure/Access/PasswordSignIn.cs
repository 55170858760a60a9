using System.Security.Claims;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Access;

/// <summary>
/// Sign-in with a name and a password that tells nothing about the name to someone without its
/// password: the same words for an unknown name, a wrong password, a disabled or a locked account,
/// and a password hash checked every time (against a placeholder for unknown names) so that the
/// answer takes as long whatever the name.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<EnkiUser> signIn, IUserStore<EnkiUser> store, IPasswordHasher<EnkiUser> hasher, IAuditTrail audit, AuditRecorder recorder)
{
    public const string Refused = "Identifiant ou mot de passe incorrect.";
    public const string Disabled = "Connexion refusée : ce compte est désactivé.";
    public const int LockoutMinutes = 15;

    private static string? s_placeholderHash;

    /// <summary>Signs the person in (null) or says why not, in French.</summary>
    public async Task<string?> SignInAsync(string name, string password)
    {
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(name) ?? (name.Contains('@') ? await users.FindByEmailAsync(name) : null);
        if (user?.PasswordHash is null)
        {
            CheckPlaceholder(password);
            await audit.RecordAsync(AuditActions.SignInFailed, user?.UserName ?? name,
                user is null ? "Identifiant inconnu" : "Mot de passe pas encore choisi", user, actorName: name);
            return Refused;
        }

        var disabled = !await signIn.CanSignInAsync(user);
        if (disabled || await users.IsLockedOutAsync(user))
        {
            // Only someone who knows the password learns why they cannot enter.
            var knowsPassword = await users.CheckPasswordAsync(user, password);
            await audit.RecordAsync(AuditActions.SignInFailed, user.UserName, disabled ? "Compte désactivé" : "Compte verrouillé", user, actorName: name);
            if (!knowsPassword) return Refused;
            return disabled ? Disabled : $"Compte verrouillé après plusieurs échecs : réessayez dans {LockoutMinutes} minutes.";
        }

        // The failure is counted below, so that the count (or the lockout it reaches) is saved with its audit row.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            await audit.RecordAsync(AuditActions.SignIn, user.UserName, null, user, new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction));
            return null;
        }
        await CountFailureAsync(user, name);
        return Refused;
    }

    /// <summary>
    /// Counts a wrong password against the account, in Identity's one save with its audit row: a locked-out
    /// row when this failure reaches the limit (Identity's own rule), a failed attempt otherwise.
    /// </summary>
    private async Task CountFailureAsync(EnkiUser user, string name)
    {
        var users = signIn.UserManager;
        var locks = await users.GetLockoutEnabledAsync(user)
            && await users.GetAccessFailedCountAsync(user) + 1 >= users.Options.Lockout.MaxFailedAccessAttempts;
        var db = IdentityStoreContext.Of(store);
        var entry = locks
            ? recorder.Add(db, AuditActions.LockedOut, user.UserName, $"Verrouillé {LockoutMinutes} minutes", user, actorName: name)
            : recorder.Add(db, AuditActions.SignInFailed, user.UserName, "Mot de passe incorrect", user, actorName: name);
        var counted = await users.AccessFailedAsync(user);
        if (counted.Succeeded) return;
        // Not saved (another attempt changed the account meanwhile): nothing changed, but the attempt stays on record.
        db.Entry(entry).State = EntityState.Detached;
        await audit.RecordAsync(AuditActions.SignInFailed, user.UserName, "Mot de passe incorrect", user, actorName: name);
    }

    /// <summary>The same work as checking a real password, for names that have none.</summary>
    private void CheckPlaceholder(string password)
    {
        var placeholder = new EnkiUser();
        s_placeholderHash ??= hasher.HashPassword(placeholder, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(placeholder, s_placeholderHash, password);
    }
}
