using System.Diagnostics;
using System.Text.RegularExpressions;
using Enki.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Hosting;

/// <summary>
/// What happens on one node reaches the screens open on the other (issue 15): NexSIS pushes to A, a
/// list on B shows it; a mayor on B accepts a request, its issuer on A sees it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TwoNodesEndToEndTests(ChromiumBrowser chromium, TwoNodes nodes, ITestOutputHelper output)
    : IClassFixture<ChromiumBrowser>, IClassFixture<TwoNodes>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(EnkiProcess node, string user, string path, int width = 1440, int height = 900)
    {
        chromium.Require();
        nodes.Require();
        var page = await chromium.SignedInPageAsync(node.BaseAddress, user, width, height, _contexts);
        await page.GotoAsync(new Uri(node.BaseAddress, path).ToString());
        await page.WaitForCircuitAsync();
        return page;
    }

    [SkippableFact]
    public async Task An_incident_pushed_to_node_a_appears_within_a_moment_on_a_list_open_on_node_b()
    {
        var page = await OpenAsync(nodes.B, "sdis77", "incidents");

        const string caseId = "fr.fire.sis077.cga-077.DEUX-NOEUDS-1";
        using var nexsis = new HttpClient { BaseAddress = nodes.A.BaseAddress };
        var pushed = Stopwatch.StartNew();
        (await nexsis.PushNexsisAsync(CreateCase(caseId), ClusterNodes.PushKey)).EnsureSuccessStatusCode();

        // Well under B's 30 s poll: the news came through Redis.
        await Assertions.Expect(page.Locator($"[data-case-id='{caseId}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        output.WriteLine($"Pushed to node A, shown on node B after {pushed.ElapsedMilliseconds} ms");
    }

    [SkippableFact]
    public async Task A_request_accepted_by_the_mayor_on_node_b_is_seen_live_by_its_issuer_on_node_a()
    {
        var mayor = await OpenAsync(nodes.B, "maire-chelles", "mobilisations", 390, 844);
        var codis = await OpenAsync(nodes.A, "sdis77", "mobilisations/nouvelle");

        const string subject = "Autocars pour l'évacuation du quartier des Coudreaux";
        await codis.PickCommuneAsync("Chelles", "Chelles (Seine-et-Marne)");
        await codis.GetByLabel("Objet").FillAsync(subject);
        await codis.GetByLabel("Moyen demandé").FillAsync("autocar");
        await codis.GetByLabel("Quantité").FillAsync("3");
        await codis.GetByLabel("Lieu").FillAsync("Place de la République, Chelles");
        await codis.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(codis).ToHaveURLAsync(new Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
        await Assertions.Expect(codis.GetByTestId("history")).ToContainTextAsync("Émise", new() { Timeout = 20_000 });

        // Issued on A, announced on B's phone without a reload; the mayor opens it from the notice and accepts it there.
        await Assertions.Expect(mayor.GetByText($"Nouvelle demande : {subject}")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await mayor.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "Ouvrir" }).ClickAsync();
        await Assertions.Expect(mayor).ToHaveURLAsync(new Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
        var accepted = Stopwatch.StartNew();
        await mayor.GetByTestId("actions").GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(mayor.GetByTestId("history")).ToContainTextAsync("Acceptée", new() { Timeout = 5_000 });

        // The issuer's page on A follows, well before its node's own 30 s poll would.
        await Assertions.Expect(codis.GetByTestId("history")).ToContainTextAsync("Acceptée", new() { Timeout = 5_000 });
        output.WriteLine($"Accepted on node B, shown to the issuer on node A after {accepted.ElapsedMilliseconds} ms");
    }
}
