using System.Security.Claims;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Microsoft.AspNetCore.Identity;

namespace Enki.Infrastructure.Access;

/// <summary>
/// Sign-in with a name and a password that tells nothing about the name to someone without its
/// password: the same words for an unknown name, a wrong password, a disabled or a locked account,
/// and a password hash checked every time (against a placeholder for unknown names) so that the
/// answer takes as long whatever the name.
/// </summary>
public sealed class PasswordSignIn(SignInManager<EnkiUser> signIn, IPasswordHasher<EnkiUser> hasher, IAuditTrail audit)
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

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            await audit.RecordAsync(AuditActions.SignIn, user.UserName, null, user, new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction));
            return null;
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.LockedOut, user.UserName, $"Verrouillé {LockoutMinutes} minutes", user, actorName: name);
        }
        else
        {
            await audit.RecordAsync(AuditActions.SignInFailed, user.UserName, "Mot de passe incorrect", user, actorName: name);
        }
        return Refused;
    }

    /// <summary>The same work as checking a real password, for names that have none.</summary>
    private void CheckPlaceholder(string password)
    {
        var placeholder = new EnkiUser();
        s_placeholderHash ??= hasher.HashPassword(placeholder, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(placeholder, s_placeholderHash, password);
    }
}
