using Enki.Application.Accounts;
using Enki.Application.Mobilisation;
using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Mobilisation;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// A page already open never outlives the account behind it: disabling the account (or signing the
/// session out elsewhere) reaches the open circuit within 2 s; its next action is refused and its
/// live feed stops.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SessionRevocationEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private const string NexsisKey = "cle-nexsis-revocation-0123456789";
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", NexsisKey);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public SessionRevocationEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> MayorOnRequestAsync(Guid requestId)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "fr-FR",
            IsMobile = true,
            HasTouch = true,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_base, "maire-chelles");
        await page.GotoAsync(new Uri(_base, $"mobilisations/{requestId}").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync("Reçue", new() { Timeout = 5_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accepter" })).ToBeVisibleAsync();
        return page;
    }


    private async Task<MobilisationStatus> StatusAsync(Guid id)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return (await db.MobilisationRequests.AsNoTracking().SingleAsync(r => r.Id == id)).Status;
    }

    [SkippableFact]
    public async Task Disabled_mayor_cannot_accept_from_an_open_page_and_stops_receiving_its_live_updates()
    {
        var request = await _app.IssueAsSdis77Async();
        var mayor = await MayorOnRequestAsync(request.Id);
        var admin = await _app.ViewerOfAsync("admin");
        var chelles = await _app.ViewerOfAsync("maire-chelles");

        // The administrator disables the account while the page stays open on the phone.
        var disabled = await _app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(admin, chelles.Id, true);
        Assert.True(disabled.Succeeded, string.Join(" ", disabled.Errors));
        await Assertions.Expect(mayor.GetByTestId("session-ended")).ToBeVisibleAsync(new() { Timeout = 2_000 });

        // The next action is refused, server side.
        await mayor.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(mayor.Locator(".mud-snackbar")).ToContainTextAsync("session", new() { Timeout = 5_000 });
        Assert.Equal(MobilisationStatus.Received, await StatusAsync(request.Id));

        // The next live update is not delivered: the CODIS cancels, the closed page does not follow.
        var sdis = await _app.ViewerOfAsync("sdis77");
        var current = await _app.Services.GetRequiredService<MobilisationQueries>().DetailAsync(sdis, request.Id);
        var cancelled = await _app.Services.GetRequiredService<MobilisationCommands>().CancelAsync(sdis, request.Id, current!.Version);
        Assert.True(cancelled.Succeeded, cancelled.Error);
        await Task.Delay(TimeSpan.FromSeconds(2)); // proves a non-event (the closed page does not follow): a bounded wait
        await Assertions.Expect(mayor.Locator("[data-testid=history]")).Not.ToContainTextAsync("Annulée");
        await mayor.ScreenshotAsync("session-ended-phone");
    }

    [SkippableFact]
    public async Task Signing_out_in_another_tab_ends_the_open_page_of_that_session()
    {
        var request = await _app.IssueAsSdis77Async();
        var mayor = await MayorOnRequestAsync(request.Id);
        var other = await mayor.Context.NewPageAsync();
        await other.GotoAsync(new Uri(_base, "mobilisations").ToString());
        await other.WaitForCircuitAsync();

        await other.GetByTestId("user-menu").ClickAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await other.WaitForURLAsync(url => url.Contains("/compte/connexion"), new() { Timeout = 10_000 });

        await Assertions.Expect(mayor.GetByTestId("session-ended")).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await mayor.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(mayor.Locator(".mud-snackbar")).ToContainTextAsync("session", new() { Timeout = 5_000 });
        Assert.Equal(MobilisationStatus.Received, await StatusAsync(request.Id));
    }

    [SkippableFact]
    public async Task A_disabled_account_reads_nothing_more_from_an_incident_list_left_open()
    {
        using (var nexsis = _app.CreateClient())
        {
            foreach (var (insee, lat, lon) in new[] { ("77108", 48.8786, 2.5914), ("77288", 48.5421, 2.6554), ("77284", 48.9602, 2.8785) })
            {
                var pushed = await nexsis.PushNexsisAsync(Nexsis.Intake.TestMessages.CreateCase($"fr.fire.sis077.cga-077.REVOKE-{insee}", insee, lat, lon, sentAt: DateTimeOffset.UtcNow.AddMinutes(-10)), NexsisKey);
                Assert.Equal(System.Net.HttpStatusCode.Accepted, pushed.StatusCode);
            }
        }
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "fr-FR" });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_base, "sdis77");
        await page.GotoAsync(new Uri(_base, "incidents").ToString());
        await page.WaitForCircuitAsync();
        var rows = page.Locator(".enki-incident-row");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 15_000 });

        var disabled = await _app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(await _app.ViewerOfAsync("admin"), (await _app.ViewerOfAsync("sdis77")).Id, true);
        Assert.True(disabled.Succeeded, string.Join(" ", disabled.Errors));
        await Assertions.Expect(page.GetByTestId("session-ended")).ToBeVisibleAsync(new() { Timeout = 2_000 });

        // Sorting asks the server for the page again: it answers as to nobody.
        await page.Locator(".mud-table-head th", new() { HasText = "Nature" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0, new() { Timeout = 5_000 });
    }
}
