using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Enki.Infrastructure.Mail;

/// <summary>Sends e-mail. Every message lands in the outbox first, so none is ever lost silently.</summary>
public interface IMailSender
{
    Task<OutboxMessage> SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken = default) =>
        SendAsync(recipient, subject, body, null, cancellationToken);

    /// <param name="deliveryKey">
    /// What the message answers (an event and an address): a message with a key already in the outbox
    /// is not sent again, so a cause handed twice mails once.
    /// </param>
    Task<OutboxMessage> SendAsync(string recipient, string subject, string body, string? deliveryKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a message in the outbox without relaying it by e-mail: what another channel could not send (an SMS
    /// without a gateway) must not leave through SMTP to a phone number. A sender without a relay records as it sends.
    /// </summary>
    Task<OutboxMessage> RecordAsync(string recipient, string subject, string body, string? deliveryKey, CancellationToken cancellationToken = default) =>
        SendAsync(recipient, subject, body, deliveryKey, cancellationToken);
}

/// <summary>Records in the outbox, then relays through SMTP when <c>Enki:Mail:Smtp:Host</c> is set.</summary>
public sealed class OutboxMailSender(
    IDbContextFactory<EnkiDbContext> dbFactory, EnkiOptions options, TimeProvider clock, ILogger<OutboxMailSender> logger) : IMailSender
{
    public Task<OutboxMessage> RecordAsync(string recipient, string subject, string body, string? deliveryKey, CancellationToken cancellationToken = default) =>
        KeepAsync(recipient, subject, body, deliveryKey, relay: false, cancellationToken);

    public Task<OutboxMessage> SendAsync(string recipient, string subject, string body, string? deliveryKey, CancellationToken cancellationToken = default) =>
        KeepAsync(recipient, subject, body, deliveryKey, relay: true, cancellationToken);

    private async Task<OutboxMessage> KeepAsync(string recipient, string subject, string body, string? deliveryKey, bool relay, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (deliveryKey is not null && await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.DeliveryKey == deliveryKey, cancellationToken) is { } sent)
        {
            return sent;
        }
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(), Recipient = recipient, Subject = subject, Body = body, DeliveryKey = deliveryKey,
            Status = OutboxStatus.Recorded, CreatedAt = clock.GetUtcNow(),
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        var smtp = options.Mail.Smtp;
        if (!relay || string.IsNullOrWhiteSpace(smtp.Host)) return message;
        try
        {
            await RelayAsync(smtp, smtp.Host, message, cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "SMTP relay failed for outbox message {Id}", message.Id);
            message.Status = OutboxStatus.Failed;
            message.Error = ex.Message;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return message;
    }

    private static async Task RelayAsync(SmtpOptions smtp, string host, OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(host, smtp.Port,
            smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>The outbox as administrators read it.</summary>
public sealed class Outbox(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OutboxMessage>> LatestAsync(int count = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(count).ToListAsync(cancellationToken);
    }
}
