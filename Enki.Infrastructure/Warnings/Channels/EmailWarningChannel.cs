using Enki.Domain.Warnings;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Warnings.Channels;

/// <summary>
/// E-mail through the outbox (then SMTP when configured), keyed by the delivery: a delivery handed again
/// after a crash finds its message in the outbox and mails nothing twice.
/// </summary>
public sealed class EmailWarningChannel(IDbContextFactory<EnkiDbContext> dbFactory, IMailSender mail, AcknowledgementLinks links) : IWarningChannel
{
    public WarningChannel Channel => WarningChannel.Email;

    public bool Interrupts => false;

    public static string KeyOf(Guid deliveryId) => $"avertissement:{deliveryId}";

    public async Task SendAsync(WarningMessage message, CancellationToken cancellationToken)
    {
        var key = KeyOf(message.DeliveryId);
        string? address;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Outbox.AsNoTracking().AnyAsync(m => m.DeliveryKey == key, cancellationToken)) return;
            address = await db.Users.AsNoTracking().Where(u => u.Id == message.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(address)) throw new InvalidOperationException($"Aucune adresse électronique pour {message.UserName}.");
        var link = await links.IssueAsync(message, cancellationToken);
        var sent = await mail.SendAsync(address, WarningTexts.EmailSubject(message), WarningTexts.EmailBody(message, link), key, cancellationToken);
        if (sent.Status == OutboxStatus.Failed) throw new InvalidOperationException($"Courriel non remis : {sent.Error}");
    }
}
