using Enki.Domain.Access;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Application.Accounts;

/// <summary>
/// How a production start gets its first administrator without any public default password: the server's
/// operator runs <c>create-admin</c>, which opens a national administrator account and prints a one-time
/// link (24 h) where that person chooses their own password.
/// </summary>
public static class FirstAdministrator
{
    public const string Command = "create-admin";

    /// <summary>What the operator reads when Enki starts with no administrator.</summary>
    public static string Instructions =>
        $"Aucun compte administrateur. Créez le premier : dotnet Enki.Web.dll {Command} --email <adresse> [--nom \"Prénom Nom\"] "
        + $"(Docker : docker run … <image> {Command} --email <adresse>). La commande affiche un lien à usage unique, valable 24 h, "
        + "où cette personne choisit son mot de passe.";

    /// <summary>The operator standing for "nobody" in the audit trail: the server's command line.</summary>
    private static readonly Viewer CommandLine = new("ligne-de-commande", $"Ligne de commande ({Command})", Profile.Administrator, Jurisdiction.National);

    public static async Task<bool> AnyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Profile == Profile.Administrator && !u.IsDisabled, cancellationToken);
    }

    /// <summary>Logs <see cref="Instructions"/> when no enabled administrator exists.</summary>
    public static async Task WarnIfNoneAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (await AnyAsync(services, cancellationToken)) return;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstAdministrator)).LogWarning("{Instructions}", Instructions);
    }

    /// <summary>
    /// Runs <c>create-admin --email … [--nom …] [--organisation …]</c>: writes the one-time link to
    /// <paramref name="output"/>, errors in French to <paramref name="error"/>; returns the process exit code.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < arguments.Count) values[arguments[i][2..]] = arguments[++i];
        }
        if (!values.TryGetValue("email", out var email) || string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync($"Usage : dotnet Enki.Web.dll {Command} --email <adresse> [--nom \"Prénom Nom\"] [--organisation <nom>]");
            return 2;
        }
        var name = values.GetValueOrDefault("nom") ?? values.GetValueOrDefault("name") ?? "Administrateur Enki";
        var organisation = values.GetValueOrDefault("organisation") ?? "Enki";
        var options = services.GetRequiredService<EnkiOptions>();
        var result = await services.GetRequiredService<AccountAdministration>().InviteAsync(CommandLine,
            new InvitationRequest(email, name, organisation, Profile.Administrator, Jurisdiction.National),
            options.Mail.PublicBaseUrl ?? "https://adresse-de-la-console", cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors) await error.WriteLineAsync(message);
            return 1;
        }
        await output.WriteLineAsync($"Compte administrateur national créé pour {email.Trim()} (identifiant : {email.Trim()}).");
        await output.WriteLineAsync("Lien à usage unique, valable 24 heures, pour choisir le mot de passe :");
        await output.WriteLineAsync(result.Link);
        if (options.Mail.PublicBaseUrl is null)
        {
            await output.WriteLineAsync("(Remplacez « https://adresse-de-la-console » par l'adresse publique d'Enki, ou réglez Enki:Mail:PublicBaseUrl.)");
        }
        return 0;
    }
}
