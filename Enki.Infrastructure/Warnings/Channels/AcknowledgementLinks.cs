using Enki.Domain.Warnings;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings.Channels;

/// <summary>Issues the one-tap acknowledgement link a channel puts in its message (only the secret's hash is stored).</summary>
public sealed class AcknowledgementLinks(IDbContextFactory<EnkiDbContext> dbFactory, EnkiOptions options, TimeProvider clock)
{
    public const string Path = "avertissements/acquitter/";

    /// <summary>A new link for the delivery, valid <see cref="WarningsOptions.AcknowledgementLinkLifetime"/>: its full address.</summary>
    public async Task<string> IssueAsync(WarningMessage message, CancellationToken cancellationToken) =>
        $"{(options.Mail.PublicBaseUrl ?? "").TrimEnd('/')}/{Path}{await IssueSecretAsync(message, cancellationToken)}";

    /// <summary>A new link for the delivery: only its secret (the token a push carries, end-to-end encrypted).</summary>
    public async Task<string> IssueSecretAsync(WarningMessage message, CancellationToken cancellationToken)
    {
        var (link, secret) = AcknowledgementLink.Issue(message.DeliveryId, message.WarningId, clock.GetUtcNow(), options.Warnings.AcknowledgementLinkLifetime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AcknowledgementLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }
}
