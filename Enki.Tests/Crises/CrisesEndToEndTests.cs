using Enki.Application.Crises;
using System.Text.RegularExpressions;
using Enki.Domain.Access;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Crises;

/// <summary>A crisis in Chromium: SDIS 77 opens it over Chelles and writes; the mayor of Chelles sees the entry arrive live.</summary>
[Collection(WebCollection.Name)]
public sealed partial class CrisesEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseAddress = null!;

    public CrisesEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> SignedInPageAsync(string account)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "fr-FR",
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_baseAddress, account);
        return page;
    }

    /// <summary>Chooses the autocomplete's one answer, once the list has settled on it (an earlier list may still be on screen).</summary>
    private static async Task PickAsync(IPage page, string option)
    {
        var open = page.Locator(".mud-popover-open [role=option]");
        await Assertions.Expect(open).ToHaveCountAsync(1);
        await open.GetByText(option).ClickAsync();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private async Task<Viewer> ViewerAsync(string userName, Profile profile, Jurisdiction jurisdiction)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Viewer(user.Id, user.DisplayName, profile, jurisdiction);
    }

    [SkippableFact]
    public async Task Sdis_opens_a_crisis_over_Chelles_and_the_mayor_sees_its_logbook_live()
    {
        var sdis = await SignedInPageAsync("sdis77");
        await sdis.GotoAsync(new Uri(_baseAddress, "crises").ToString());
        await sdis.WaitForCircuitAsync();
        await sdis.GetByTestId("open-crisis").ClickAsync();
        await Input(sdis, "crisis-title").FillAsync("Crue de la Marne à Chelles");
        // The territory by its name: the autocomplete adds its code, the field names what it holds.
        await Input(sdis, "crisis-territory").FillAsync("");
        await Input(sdis, "crisis-territory-search").FillAsync("Chelles");
        await PickAsync(sdis, "Chelles (Seine-et-Marne)");
        await Assertions.Expect(Input(sdis, "crisis-territory")).ToHaveValueAsync("77108");
        await Assertions.Expect(sdis.GetByTestId("crisis-form")).ToContainTextAsync("Chelles (77108)");
        await sdis.ScreenshotAsync("crisis-form-territory");
        await sdis.GetByTestId("crisis-save").ClickAsync();
        try
        {
            // A loaded machine may take its time to save (once over 10 s in a full run); a refused save says why in the form.
            await sdis.WaitForURLAsync(GuidUrl());
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No crisis page after « Ouvrir la crise »; the form reads: {await sdis.GetByTestId("crisis-form").InnerTextAsync(new() { Timeout = 2_000 })}");
        }
        var crisisId = Guid.Parse(GuidUrl().Match(sdis.Url).Groups[1].Value);

        // The title is made more precise as the crisis becomes clearer.
        await sdis.WaitForCircuitAsync();
        await sdis.GetByTestId("crisis-edit-start").ClickAsync();
        await Input(sdis, "crisis-edit-title").FillAsync("Crue de la Marne à Chelles et Gournay");
        await sdis.ScreenshotAsync("crisis-edit");
        await sdis.GetByTestId("crisis-edit-save").ClickAsync();
        await Assertions.Expect(sdis.GetByTestId("crisis-title")).ToHaveTextAsync("Crue de la Marne à Chelles et Gournay");

        // A neighbouring mayor's office joins, found by the commune's name.
        await Input(sdis, "participant-territory").FillAsync("Gournay-sur-Marne");
        await PickAsync(sdis, "Gournay-sur-Marne (Seine-Saint-Denis)");
        await sdis.GetByTestId("participant-add").ClickAsync();
        await Assertions.Expect(sdis.GetByTestId("crisis-participants")).ToContainTextAsync("Gournay-sur-Marne (93033) — Contribution");
        // And a person, by name, among the accounts of the department.
        await sdis.GetByTestId("participant-kind").GetByText("Personne").ClickAsync();
        await Input(sdis, "participant-person").FillAsync("préfecture");
        await PickAsync(sdis, "Préfecture de Seine-et-Marne (Préfecture 77)");
        await sdis.GetByTestId("participant-add").ClickAsync();
        await Assertions.Expect(sdis.GetByTestId("crisis-participants")).ToContainTextAsync("Préfecture de Seine-et-Marne (Préfecture 77) — Contribution");
        await sdis.ScreenshotAsync("crisis-participants");

        // Incidents and a situation report, through the same services the pages use.
        var sdisViewer = await ViewerAsync("sdis77", Profile.Sdis, Jurisdiction.Department("77"));
        var flood = Open("E2E-INOND", Chelles, "C08.03.00");
        var fire = Open("E2E-FEU", Chelles with { Address = "quai Auguste Prévost" }, "C04.02.01", minutesAfterT0: 5);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            db.Incidents.AddRange(flood, fire);
            await db.SaveChangesAsync();
        }
        var commands = _app.Services.GetRequiredService<CrisisCommands>();
        await commands.AttachIncidentAsync(sdisViewer, crisisId, flood.Id);
        await commands.AttachIncidentAsync(sdisViewer, crisisId, fire.Id);
        var logbook = _app.Services.GetRequiredService<ILogbook>();
        await logbook.AppendAsync(crisisId, sdisViewer, LogbookEntryKind.SituationReport,
            "Montée de la Marne de 40 cm depuis 6 h. Quartier des Coudreaux inondé, 120 habitants évacués vers le gymnase.");
        await logbook.AppendAsync(crisisId, sdisViewer, LogbookEntryKind.Action, "Deux motopompes engagées quai Auguste Prévost.", ["moyens"]);
        await logbook.AppendAsync(crisisId, sdisViewer, LogbookEntryKind.Request, "Demande de 200 lits de camp à la préfecture.");
        await logbook.AppendAsync(crisisId, sdisViewer, LogbookEntryKind.Decision, "Point presse à 18 h en mairie.");

        await Assertions.Expect(sdis.GetByTestId("attached-incidents")).ToContainTextAsync("Incidents rattachés (2)", new() { Timeout = 5_000 });
        await sdis.ScreenshotAsync("crisis-dashboard");

        var mayor = await SignedInPageAsync("maire-chelles");
        await mayor.GotoAsync(new Uri(_baseAddress, $"crises/{crisisId}/main-courante").ToString());
        await mayor.WaitForCircuitAsync();
        await sdis.GotoAsync(new Uri(_baseAddress, $"crises/{crisisId}/main-courante").ToString());
        await sdis.WaitForCircuitAsync();

        const string text = "Pont de Gournay fermé à la circulation.";
        await Input(sdis, "entry-text").FillAsync(text);
        await sdis.GetByTestId("entry-save").ClickAsync();

        await Assertions.Expect(mayor.GetByTestId("logbook-entries").GetByText(text)).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(sdis.GetByTestId("logbook-entries").GetByText(text)).ToBeVisibleAsync();
        await Assertions.Expect(mayor.GetByTestId("logbook-form")).ToBeVisibleAsync(); // the mairie contributes by default (ORSEC)
        await sdis.ScreenshotAsync("crisis-logbook");

        // The case id the logbook quotes is a link to its incident, not a bare code.
        var caseLink = mayor.GetByTestId("entry-case-link").Filter(new() { HasText = "E2E-INOND" }).First;
        await Assertions.Expect(caseLink).ToHaveTextAsync("fr.fire.sis077.cga.E2E-INOND");
        await caseLink.ClickAsync();
        await Assertions.Expect(mayor).ToHaveURLAsync(new Regex($"/incidents/{flood.Id}$"), new() { Timeout = 10_000 });

        await sdis.EmulateMediaAsync(new() { Media = Media.Print });
        await sdis.GotoAsync(new Uri(_baseAddress, $"crises/{crisisId}/point-de-situation").ToString());
        await Assertions.Expect(sdis.GetByTestId("situation-report")).ToContainTextAsync("Montée de la Marne");
        await Assertions.Expect(sdis.GetByTestId("situation-report")).ToContainTextAsync("200 lits de camp");
        await sdis.ScreenshotAsync("crisis-situation-report");
    }

    [GeneratedRegex(@"/crises/([0-9a-f\-]{36})$")]
    private static partial Regex GuidUrl();
}
