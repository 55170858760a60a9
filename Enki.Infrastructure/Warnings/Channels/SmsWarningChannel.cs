using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings.Channels;

/// <summary>SMS to the person's mobile number, with the one-tap acknowledgement link; it rings a phone, so quiet hours hold it back.</summary>
public sealed class SmsWarningChannel(IDbContextFactory<EnkiDbContext> dbFactory, ISmsSender sender, AcknowledgementLinks links) : IWarningChannel
{
    public WarningChannel Channel => WarningChannel.Sms;

    public bool Interrupts => true;

    public async Task SendAsync(WarningMessage message, CancellationToken cancellationToken)
    {
        string? number;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            number = await db.Users.AsNoTracking().Where(u => u.Id == message.UserId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(number)) throw new InvalidOperationException($"Aucun numéro de mobile pour {message.UserName}.");
        var link = await links.IssueAsync(message, cancellationToken);
        await sender.SendAsync(number.Replace(" ", "", StringComparison.Ordinal), WarningTexts.Sms(message, link), message.DeliveryId, cancellationToken);
    }
}
