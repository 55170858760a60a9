using System.Net;
using Enki.Application.Crises;
using Enki.Domain.Access;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The RETEX page in Chromium: the demo storm over Seine-et-Marne gets a case whose triage arrives late; its pilot
/// (the préfecture) writes the headings, an action with its owner, freezes it; desktop and print looks.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RetexEndToEndTests(ChromiumBrowser chromium, RetexEndToEndTests.Host host)
    : IClassFixture<ChromiumBrowser>, IClassFixture<RetexEndToEndTests.Host>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-retex-e2e-0123456789";
    private const string Case = "fr.fire.sis077.e2e.RETEX-CHELLES";

    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey).With("Enki:Demo:Crises", "true"), kestrel: true);

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    [SkippableFact]
    public async Task The_pilot_writes_and_freezes_the_RETEX_which_shows_the_late_triage_in_red()
    {
        var now = DateTimeOffset.UtcNow;
        using (var http = new HttpClient { BaseAddress = host.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(TestMessages.CreateCase(Case, sentAt: now.AddMinutes(-50)), PushKey)).StatusCode);
            // The triage made 40 minutes ago reaches Enki only now.
            Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(TestMessages.Situation(Case, "IPR", now.AddMinutes(-40), red: 2), PushKey)).StatusCode);
        }
        var factory = host.App.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        Guid crisisId, incidentId;
        Viewer prefecture;
        await using (var db = await factory.CreateDbContextAsync())
        {
            crisisId = await db.Crises.Where(c => c.Title == "Tempête sur la Seine-et-Marne").Select(c => c.Id).SingleAsync();
            var user = await db.Users.SingleAsync(u => u.UserName == "prefecture77");
            prefecture = new Viewer(user.Id, user.DisplayName, Profile.Prefecture, Jurisdiction.Department("77"));
        }
        // The intake is a background job: wait for the case and its triage.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.CaseId == Case);
            if (incident?.Victims.Red == 2) { incidentId = incident.Id; break; }
            Assert.True(DateTime.UtcNow < deadline, "the case and its triage never reached the store");
            await Task.Delay(200);
        }
        await host.App.Services.GetRequiredService<CrisisCommands>().AttachIncidentAsync(prefecture, crisisId, incidentId);

        var page = await chromium.SignedInPageAsync(host.BaseAddress, "prefecture77", 1440, 900, _contexts);
        await page.GotoAsync(new Uri(host.BaseAddress, $"crises/{crisisId}/retex").ToString());
        await page.WaitForCircuitAsync();
        var document = page.GetByTestId("retex-document");
        await Assertions.Expect(document.Locator(".retex-late").Filter(new() { HasText = "Bilan victimes" })).ToContainTextAsync("2 UA");

        await Input(page, "retex-strengths-field").FillAsync("Alerte des riverains en moins de 20 minutes.");
        await Input(page, "retex-improvements-field").FillAsync("Les bilans NexSIS sont arrivés avec 40 minutes de retard.");
        await page.GetByTestId("retex-add-action").ClickAsync();
        var action = page.GetByTestId("retex-action-row").Locator("input");
        await action.Nth(0).FillAsync("Vérifier la liaison NexSIS du CTA");
        await action.Nth(1).FillAsync("SDIS 77");
        await page.GetByTestId("retex-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("retex-actions")).ToContainTextAsync("Vérifier la liaison NexSIS du CTA");
        await Assertions.Expect(page.GetByTestId("retex-strengths")).ToContainTextAsync("Alerte des riverains");

        await page.GetByTestId("retex-freeze").ClickAsync();
        await page.GetByTestId("retex-freeze-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("retex-state")).ToContainTextAsync("Figé par");
        await Assertions.Expect(page.GetByTestId("retex-form")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("retex-desktop");
        await page.GetByTestId("retex-actions").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("retex-desktop-headings");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync("retex-print");
    }
}
