using System.Net;
using Enki.Domain.Incidents;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Warnings;

/// <summary>
/// On the real app: an urgence absolue in Chelles warns its mayor by e-mail and SMS (both in the outbox: no SMTP,
/// no gateway); the e-mail's link acknowledges without signing in, once; a foreign warning's page is a 404.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WarningPagesHttpTests(WarningPagesHttpTests.Host host) : IClassFixture<WarningPagesHttpTests.Host>
{
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory().With("Enki:Mail:PublicBaseUrl", "https://enki.invalid"));

    private readonly EnkiWebApplicationFactory _app = host.App;

    [Theory]
    [InlineData("maire-chelles", HttpStatusCode.OK)]
    [InlineData("prefecture77", HttpStatusCode.OK)]
    [InlineData("maire-guichen", HttpStatusCode.NotFound)]
    [InlineData("prefecture35", HttpStatusCode.NotFound)]
    public async Task A_warning_page_is_a_404_outside_its_recipients_and_supervisors(string user, HttpStatusCode expected)
    {
        var warning = await RaiseInChellesAsync();
        using var client = await _app.SignedInAsync(user);

        var response = await client.GetAsync($"/avertissements/{warning.Id}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Contains(warning.Title));
    }

    [Fact]
    public async Task The_mayor_acknowledges_from_the_mails_link_in_one_tap_without_signing_in_and_only_once()
    {
        var warning = await RaiseInChellesAsync();
        var mail = await OutboxAsync(m => m.DeliveryKey!.StartsWith("avertissement:") && m.Recipient == "maire-chelles@demo.enki.invalid", warning);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.Body, @"https://enki\.invalid(/avertissements/acquitter/\S+)").Groups[1].Value,
            UriKind.Relative);
        var sms = await OutboxAsync(m => m.Recipient == "+33639980108", warning);
        Assert.Contains("Acquitter : https://enki.invalid/avertissements/acquitter/", sms.Body);
        using var anonymous = _app.CreateBrowserLikeClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(link));
        Assert.Contains(warning.Title, page);
        Assert.Contains("Destinataire : Maire de Chelles", page);
        Assert.Null(await AcknowledgedByAsync(warning.Id)); // opening the link acknowledges nothing

        var tap = await anonymous.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(page), ["_handler"] = "acquitter",
        }));
        Assert.Contains("Avertissement acquitté.", WebUtility.HtmlDecode(await tap.Content.ReadAsStringAsync()));
        Assert.Equal("Maire de Chelles", await AcknowledgedByAsync(warning.Id));

        var again = WebUtility.HtmlDecode(await anonymous.GetStringAsync(link));
        Assert.Contains("Ce lien a déjà servi.", again);
        var unknown = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/avertissements/acquitter/pas-un-vrai-jeton"));
        Assert.Contains("Ce lien n'est pas reconnu.", unknown);
    }

    /// <summary>An urgence absolue on a new incident in Chelles, committed as the intake would; waits for the mayor's warning.</summary>
    private async Task<Warning> RaiseInChellesAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        var happened = WarningSamples.VictimsChanged(IncidentVictims.None, WarningSamples.Victims(red: 1)) with { OccurredAt = DateTimeOffset.UtcNow };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Record(happened);
            await db.SaveChangesAsync();
        }
        return await WaitForAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Warnings.AsNoTracking().Include(w => w.Deliveries)
                .FirstOrDefaultAsync(w => w.SubjectId == happened.Incident.IncidentId && w.OwnerCode == "commune:77108#Maire"
                                          && w.Deliveries.All(d => d.State != DeliveryState.Pending));
        }, "the mayor's warning, sent");
    }

    private async Task<OutboxMessage> OutboxAsync(Func<OutboxMessage, bool> which, Warning warning)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        var keys = warning.Deliveries.SelectMany(d => new[] { $"avertissement:{d.Id}", $"sms:{d.Id}" }).ToList();
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.DeliveryKey!)).ToListAsync()).Single(which);
    }

    private async Task<string?> AcknowledgedByAsync(Guid warningId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Warnings.AsNoTracking().Where(w => w.Id == warningId).Select(w => w.AcknowledgedByName).SingleAsync();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 15 s for {what}.");
            await Task.Delay(50);
        }
    }
}
