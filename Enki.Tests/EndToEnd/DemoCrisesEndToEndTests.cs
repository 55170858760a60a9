using System.Text.RegularExpressions;
using Enki.Domain.Crises;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The demo as it opens: a crisis under way in each demo territory, the mayor of Guichen with requests to
/// answer, and a préfecture piloting its crisis down to the point de situation, printed and in PDF.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class DemoCrisesEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Simulator:Enabled", "true")
        .With("Enki:Simulator:Seed", "2026")
        .With("Enki:Simulator:Backfill", "01:30:00")
        .With("Enki:Demo:Crises", "true");
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public DemoCrisesEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

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

    private Task<IPage> PageAsync(string user, int width = 1600, int height = 1000) =>
        _chromium.SignedInPageAsync(_base, user, width, height, _contexts);

    private async Task<Guid> CrisisIdAsync(string title)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Crises.Where(c => c.Title == title).Select(c => c.Id).SingleAsync();
    }

    [SkippableFact]
    public async Task The_mayor_of_Guichen_opens_on_a_living_console()
    {
        var mayor = await PageAsync("maire-guichen");
        await mayor.GotoAsync(_base.ToString());
        await mayor.WaitForCircuitAsync();
        await Assertions.Expect(mayor.GetByTestId("requests-badge")).ToContainTextAsync(new Regex("[1-9]"), new() { Timeout = 15_000 });
        await Assertions.Expect(mayor.GetByTestId("count-in-progress")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await mayor.ScreenshotAsync("demo-guichen-dashboard");

        await mayor.GotoAsync(new Uri(_base, "crises").ToString());
        await Assertions.Expect(mayor.GetByTestId("crises-grid")).ToContainTextAsync("Crue de la Vilaine à Guichen");
        var crisis = await CrisisIdAsync("Crue de la Vilaine à Guichen");
        await mayor.GotoAsync(new Uri(_base, $"crises/{crisis}").ToString());
        await mayor.WaitForCircuitAsync();
        // The mairie contributes by ORSEC default; the préfecture of Ille-et-Vilaine pilots.
        await Assertions.Expect(mayor.GetByTestId("crisis-participants")).ToContainTextAsync("Mairie de Guichen (35126) — Contribution");
        await Assertions.Expect(mayor.GetByTestId("crisis-participants")).ToContainTextAsync("Préfecture — Ille-et-Vilaine (35) — Pilotage");
        await Assertions.Expect(mayor.GetByTestId("territory-figures")).ToContainTextAsync("du territoire de la crise, Guichen (35126), tous incidents");
        await mayor.ScreenshotAsync("demo-guichen-crisis");
        // An hour back on the crisis: its figures then, nothing to change, and back to live.
        await mayor.GetByTestId("past-entry").ClickAsync();
        await Assertions.Expect(mayor.GetByTestId("past-crisis")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(mayor.GetByTestId("crisis-participants")).ToHaveCountAsync(0);
        await mayor.ScreenshotAsync("demo-guichen-crisis-past");
        await mayor.GetByTestId("back-to-live").ClickAsync();
        await Assertions.Expect(mayor.GetByTestId("crisis-participants")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await mayor.GotoAsync(new Uri(_base, "annuaire").ToString());
        await mayor.WaitForCircuitAsync();
        await Assertions.Expect(mayor.Locator("body")).ToContainTextAsync("Préfecture d'Ille-et-Vilaine");
        await Assertions.Expect(mayor.Locator("body")).ToContainTextAsync("SDIS 35");
    }

    [SkippableFact]
    public async Task The_prefecture_pilots_its_storm_crisis_down_to_a_printed_and_pdf_point_de_situation()
    {
        var crisis = await CrisisIdAsync("Tempête sur la Seine-et-Marne");
        var prefecture = await PageAsync("prefecture77");
        await prefecture.GotoAsync(new Uri(_base, $"crises/{crisis}").ToString());
        await prefecture.WaitForCircuitAsync();

        // Nothing attached yet: the territory's live figures, not zeros, and every suggestion in one step.
        await Assertions.Expect(prefecture.GetByTestId("territory-figures")).ToBeVisibleAsync();
        await Assertions.Expect(prefecture.GetByTestId("count-in-progress")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await Assertions.Expect(prefecture.GetByTestId("attach-all")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await prefecture.ScreenshotAsync("demo-77-crisis-before");
        await prefecture.GetByTestId("attach-all").ClickAsync();
        await Assertions.Expect(prefecture.GetByTestId("attached-incidents")).ToContainTextAsync(new Regex(@"Incidents rattachés \([1-9]"));
        await Assertions.Expect(prefecture.GetByTestId("territory-figures")).ToHaveCountAsync(0);
        await Assertions.Expect(prefecture.GetByTestId("count-in-progress")).Not.ToHaveTextAsync("0");
        await prefecture.ScreenshotAsync("demo-77-crisis-after");

        // The end is asked for only when ending, and starts at now.
        await Assertions.Expect(prefecture.GetByTestId("crisis-end-at")).ToHaveCountAsync(0);
        await prefecture.GetByTestId("end-crisis").ClickAsync();
        var end = prefecture.Locator("[data-testid=crisis-end-at] input, input[data-testid=crisis-end-at]").First;
        var now = Domain.Geography.TerritoryClock.Local(DateTimeOffset.UtcNow, "77");
        Assert.InRange(DateTime.Parse(await end.InputValueAsync()), now.DateTime.AddMinutes(-2), now.DateTime.AddMinutes(1));
        await Assertions.Expect(prefecture.GetByText("Rouvrir la crise")).ToHaveCountAsync(0);
        await prefecture.ScreenshotAsync("demo-77-crisis-ending");
        await prefecture.GetByText("Annuler").Last.ClickAsync();
        await Assertions.Expect(prefecture.GetByTestId("crisis-end-form")).ToHaveCountAsync(0);

        // The point de situation, written by the pilot, printed on one A4.
        await prefecture.GotoAsync(new Uri(_base, $"crises/{crisis}/point-de-situation").ToString());
        await prefecture.WaitForCircuitAsync();
        var report = prefecture.GetByTestId("situation-report");
        await Assertions.Expect(report).ToContainTextAsync("Rafales jusqu'à 110 km/h");
        await Assertions.Expect(report.GetByTestId("report-section-5")).ToContainTextAsync("Salle des fêtes sans électricité");
        await Assertions.Expect(report.GetByTestId("report-section-4")).Not.ToContainTextAsync("Salle pour le PC de crise");
        await Assertions.Expect(report.GetByTestId("report-section-4")).ToContainTextAsync("En retard");
        await Assertions.Expect(report.Locator("[data-testid=report-map] path").First).ToBeAttachedAsync();
        await prefecture.GetByTestId("report-write").ClickAsync();
        await prefecture.Locator("[data-testid=report-situation] textarea, textarea[data-testid=report-situation]").First.FillAsync("Vent en baisse. 80 interventions en cours, aucune victime grave.");
        await prefecture.Locator("[data-testid=report-outlook] textarea, textarea[data-testid=report-outlook]").First.FillAsync("Levée de la vigilance orange attendue à 22 h.");
        await prefecture.GetByTestId("report-save").ClickAsync();
        await Assertions.Expect(report).ToContainTextAsync("Vent en baisse");
        await Assertions.Expect(report.GetByTestId("report-section-6")).ToContainTextAsync("Levée de la vigilance orange");
        await prefecture.ScreenshotAsync("demo-77-report-screen");

        await prefecture.EmulateMediaAsync(new() { Media = Media.Print });
        await prefecture.ScreenshotAsync("demo-77-report-print");
        var printed = await prefecture.PdfAsync(new() { Format = "A4", PrintBackground = true });
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "screenshots", "demo-77-report-printed.pdf"), printed);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(printed))
        {
            Assert.Equal(1, pdf.NumberOfPages); // the printed page holds on one A4 sheet
        }

        var download = await prefecture.Context.APIRequest.GetAsync(new Uri(_base, $"crises/{crisis}/point-de-situation.pdf").ToString());
        Assert.Equal(200, download.Status);
        var bytes = await download.BodyAsync();
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "screenshots", "demo-77-report.pdf"), bytes);
        using var file = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Equal(1, file.NumberOfPages);
        Assert.Contains("Vent en baisse", string.Join(" ", file.GetPage(1).GetWords().Select(w => w.Text)));
    }

    [SkippableFact]
    public async Task On_a_phone_the_crisis_list_the_crisis_and_its_point_de_situation_fit_the_width()
    {
        var crisis = await CrisisIdAsync("Tempête sur la Seine-et-Marne");
        var phone = await PageAsync("prefecture77", 390, 844);
        foreach (var (path, name, testId) in new[]
                 {
                     ("crises", "demo-77-phone-crises", "crises-grid"),
                     ($"crises/{crisis}", "demo-77-phone-crisis", "crisis-participants"),
                     ($"crises/{crisis}/point-de-situation", "demo-77-phone-report", "situation-report"),
                 })
        {
            await phone.GotoAsync(new Uri(_base, path).ToString());
            await phone.WaitForCircuitAsync();
            await Assertions.Expect(phone.GetByTestId(testId)).ToBeVisibleAsync();
            await phone.ScreenshotAsync(name);
            Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"no sideways scrolling on {path}");
        }
    }
}
