using Enki.Application.Crises;
using Enki.Application.Directory;
using System.Text;
using System.Text.Json.Nodes;
using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Mobilisation;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Security;

/// <summary>
/// Stored XSS regression: a corpus of script tags, event handlers, <c>javascript:</c> URLs and
/// attribute breakouts goes in through NexSIS fields and the commands behind the forms, then every
/// page that shows them is opened in Chromium. Nothing may run (a hook counts calls, dialogs are
/// watched) and no element or attribute may come out of the data (checked in the DOM, so the
/// Content-Security-Policy cannot hide an encoding bug); the text itself must be shown as text.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StoredXssEndToEndTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string Key = "cle-nexsis-xss-0123456789abcdef";
    private const string CaseId = "fr.fire.sis077.cga-077.SC-XSS-001";

    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", Key);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    /// <summary>Each payload calls the hook with a number saying which field carried it.</summary>
    private static string Corpus(int field) => string.Join(" ",
        $"<script>window.__xss({field})</script>",
        $"<img src=x onerror=window.__xss({field})>",
        $"\"><svg onload=window.__xss({field})>",
        $"' onmouseover='window.__xss({field})' x='",
        $"javascript:window.__xss({field})",
        $"</textarea><iframe srcdoc=\"<script>parent.__xss({field})</script>\"></iframe>",
        $"<a href=\"javascript:window.__xss({field})\">lien</a>");

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

    [SkippableFact]
    public async Task A_corpus_of_script_payloads_in_every_field_runs_nowhere_and_shows_as_text()
    {
        var browser = chromium.Require();
        var (incidentId, crisisId, requestId, organisationId) = await SeedAsync();

        var pages = new (string User, string Path, bool ShowsCorpus)[]
        {
            // The dashboard, the list and the wall show the code list's label and the commune: checked for execution only.
            ("sdis77", "", false),
            ("sdis77", "incidents", false),
            ("sdis77", $"incidents/{incidentId}", true),
            ("sdis77", "carte", false),
            ("sdis77", "crises", true),
            ("sdis77", $"crises/{crisisId}", true),
            ("sdis77", $"crises/{crisisId}/main-courante", true),
            ("sdis77", $"crises/{crisisId}/point-de-situation", true),
            ("sdis77", "mobilisations", true),
            ("sdis77", $"mobilisations/{requestId}", true),
            ("sdis77", "mur/departement/77", false),
            ("sdis77", "annuaire", true),
            ("sdis77", $"annuaire/{organisationId}", true),
            ("maire-chelles", "", true),
            ("maire-chelles", $"incidents/{incidentId}", true),
            ("admin", "administration/quarantaine", true),
            ("admin", "administration/journal", true),
        };

        var notShown = new List<string>();
        foreach (var group in pages.GroupBy(p => p.User))
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new() { Width = 1600, Height = 1000 } });
            _contexts.Add(context);
            await context.AddInitScriptAsync("window.__xssHits = []; window.__xss = n => window.__xssHits.push(n);");
            var page = await context.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
            await page.SignInAsync(_base, group.Key);

            foreach (var (_, path, showsCorpus) in group)
            {
                await page.GotoAsync(new Uri(_base, path).ToString());
                await page.WaitForCircuitAsync();
                if (showsCorpus)
                {
                    // Pages fill in over the circuit: wait for the data before judging what it did.
                    try
                    {
                        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("window.__xss(", new() { Timeout = 15_000 });
                    }
                    catch (PlaywrightException)
                    {
                        notShown.Add($"/{path} as {group.Key}");
                    }
                }
                else
                {
                    await page.WaitForTimeoutAsync(1000);
                }
                // Hover everything once: an injected onmouseover would fire.
                await page.EvaluateAsync("() => document.querySelectorAll('body *').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })))");

                var hits = await page.EvaluateAsync<int[]>("() => window.__xssHits");
                Assert.True(hits.Length == 0, $"/{path} as {group.Key}: payload of field(s) {string.Join(", ", hits)} ran");
                Assert.True(dialogs.Count == 0, $"/{path} as {group.Key}: a dialog opened");
                var injected = await page.EvaluateAsync<string[]>(InjectedMarkup);
                Assert.True(injected.Length == 0, $"/{path} as {group.Key}: markup out of data: {string.Join(" | ", injected)}");
            }
        }
        Assert.True(notShown.Count == 0, "payloads not shown as text (the test would prove nothing) on: " + string.Join(", ", notShown));
    }

    /// <summary>Elements or attributes that carry the hook anywhere but in text or inert attributes.</summary>
    private const string InjectedMarkup = """
        () => {
          const found = [];
          for (const e of document.querySelectorAll('*')) {
            if (e.tagName === 'SCRIPT' && e.textContent.includes('__xss')) found.push('script: ' + e.textContent.slice(0, 80));
            for (const a of e.attributes) {
              const v = a.value.trim().toLowerCase();
              if (a.name.startsWith('on') && a.value.includes('__xss')) found.push(e.tagName + '[' + a.name + ']');
              if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && v.startsWith('javascript:')) found.push(e.tagName + '[' + a.name + ']=' + a.value.slice(0, 60));
              if (a.name === 'srcdoc') found.push(e.tagName + '[srcdoc]');
            }
          }
          return found;
        }
        """;

    private async Task<(Guid Incident, Guid Crisis, Guid Request, Guid Organisation)> SeedAsync()
    {
        // NexSIS fields: address, caller, nature label, a resource's name, and a payload too broken to read (quarantine).
        using var client = _app.CreateClient();
        var creation = JsonNode.Parse(CreateCase(CaseId, sentAt: DateTimeOffset.UtcNow.AddMinutes(-5), natureLabel: Corpus(1)))!;
        var createCase = creation["content"]![0]!["jsonContent"]!["embeddedJsonContent"]!["message"]!["createCase"]!;
        createCase["location"]!["detailedAddress"]!["complete"] = Corpus(2);
        createCase["initialAlert"]!["caller"]!["detailedName"]!["complete"] = Corpus(3);
        createCase["initialAlert"]!["caller"]!["detailedName"]!["lastName"] = Corpus(3);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.PushNexsisAsync(Encoding.UTF8.GetBytes(creation.ToJsonString()), Key)).StatusCode);
        var resource = JsonNode.Parse(Resource(CaseId, "fr.fire.sis077.resource.VSAV1", "DEPART", DateTimeOffset.UtcNow.AddMinutes(-4)))!;
        resource["content"]![0]!["jsonContent"]!["embeddedJsonContent"]!["message"]!["resourcesInfoCisu"]!["resource"]![0]!["name"] = Corpus(4);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.PushNexsisAsync(Encoding.UTF8.GetBytes(resource.ToJsonString()), Key)).StatusCode);
        await client.PushNexsisAsync(Encoding.UTF8.GetBytes("{\"createCase\": {\"caseId\": \"" + Corpus(5).Replace("\"", "\\\"") + "\", "), Key);

        var incidentId = await WaitForAsync(db => db.Incidents.Where(i => i.CaseId == CaseId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync());
        await WaitForAsync(async db => await db.NexsisInbox.AnyAsync(m => m.State == Enki.Infrastructure.Nexsis.Inbox.InboxState.Pending) ? null : Guid.Empty);

        // What people type: a crisis, a main-courante entry, a request, a directory entry.
        var sdis = await _app.ViewerOfAsync("sdis77");
        var crisis = await _app.Services.GetRequiredService<CrisisCommands>().OpenAsync(sdis,
            new CrisisDraft(("Crise " + Corpus(6))[..Crisis.TitleMaxLength], CrisisType.Storm, Corpus(7), [Jurisdiction.Department("77")], DateTimeOffset.UtcNow.AddHours(-1), IsExercise: false));
        await _app.Services.GetRequiredService<CrisisCommands>().AttachIncidentAsync(sdis, crisis.Id, incidentId);
        await _app.Services.GetRequiredService<ILogbook>().AppendAsync(crisis.Id, sdis, LogbookEntryKind.Decision, "Décision " + Corpus(8));
        await _app.Services.GetRequiredService<ILogbook>().AppendAsync(crisis.Id, sdis, LogbookEntryKind.SituationReport, "Situation " + Corpus(9));
        var request = await _app.IssueAsSdis77Async(MobilisationSamples.Draft(crisis: crisis.Id) with
        {
            Object = "Objet " + Corpus(10)[..180],
            PlaceText = "Lieu " + Corpus(11)[..180],
            Deadline = DateTimeOffset.UtcNow.AddHours(2),
        });
        var admin = await _app.ViewerOfAsync("admin");
        var organisation = await _app.Services.GetRequiredService<OrganisationCommands>().CreateAsync(admin,
            new OrganisationDetails("Mairie " + Corpus(12)[..150], OrganisationKind.TownHall, Jurisdiction.Commune("77108"), "01 60 00 00 00", null, Corpus(13)));
        Assert.True(organisation.Succeeded, string.Join("; ", organisation.Errors));
        return (incidentId, crisis.Id, request.Id, organisation.Id!.Value);
    }


    private async Task<Guid> WaitForAsync(Func<EnkiDbContext, Task<Guid?>> query)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                if (await query(db) is { } id) return id;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the intake did not apply the seeded messages");
    }
}
