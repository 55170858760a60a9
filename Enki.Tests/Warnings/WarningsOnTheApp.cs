using System.Text.RegularExpressions;
using Enki.Domain.Incidents;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Warnings;

/// <summary>Warnings raised on a running app, as the intake would, and what they left in its outbox.</summary>
internal static class WarningsOnTheApp
{
    /// <summary>An urgence absolue on a new incident in Chelles, committed to the stream; waits (15 s at most) until the mayor's warning went through every channel.</summary>
    public static async Task<Warning> RaiseUrgenceAbsolueInChellesAsync(this EnkiWebApplicationFactory app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        var happened = WarningSamples.VictimsChanged(IncidentVictims.None, WarningSamples.Victims(red: 1)) with { OccurredAt = DateTimeOffset.UtcNow };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Record(happened);
            await db.SaveChangesAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var warning = await db.Warnings.AsNoTracking().Include(w => w.Deliveries)
                    .FirstOrDefaultAsync(w => w.SubjectId == happened.Incident.IncidentId && w.OwnerCode == "commune:77108#Maire"
                                              && w.Deliveries.All(d => d.State != DeliveryState.Pending));
                if (warning is not null) return warning;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Waited 15 s for the mayor's warning to go through its channels.");
            await Task.Delay(50);
        }
    }

    /// <summary>The outbox message one of the warning's deliveries left (an e-mail, or an SMS without a gateway).</summary>
    public static async Task<OutboxMessage> OutboxOfAsync(this EnkiWebApplicationFactory app, Warning warning, Func<OutboxMessage, bool> which)
    {
        var keys = warning.Deliveries.SelectMany(d => new[] { $"avertissement:{d.Id}", $"sms:{d.Id}" }).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return (await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.DeliveryKey!)).ToListAsync()).Single(which);
    }

    /// <summary>Whether an e-mail to this address whose subject or body says this is in the outbox.</summary>
    public static async Task<bool> HasOutboxMailAsync(this EnkiWebApplicationFactory app, string recipient, string text)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().AnyAsync(m => m.Recipient == recipient && (m.Subject.Contains(text) || m.Body.Contains(text)));
    }

    /// <summary>The link's path in a message (« …/avertissements/acquitter/secret »).</summary>
    public static string LinkPathIn(string text) => Regex.Match(text, @"/avertissements/acquitter/[A-Za-z0-9_-]+").Value;
}
