using System.Diagnostics;
using System.Text.RegularExpressions;
using Enki.Gateway;
using Enki.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Enki.Tests.Hosting;

/// <summary>
/// A node stopped gracefully (SIGTERM, as a deployment does) behind Enki.Gateway: its browser's circuit
/// is paused, its state handed to the browser, and resumed on the other node — no reload, the request
/// being typed still there, then sent from the other node.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GracefulStopEndToEndTests(ChromiumBrowser chromium, ITestOutputHelper output) : IClassFixture<ChromiumBrowser>
{
    [SkippableFact]
    public async Task A_request_being_typed_moves_with_its_circuit_to_the_other_node_when_its_node_is_stopped()
    {
        chromium.Require();
        await using var cluster = await GatewayCluster.StartAsync();
        var gateway = cluster.Gateway;
        var contexts = new List<IBrowserContext>();
        var reloads = 0;
        try
        {
            var page = await chromium.SignedInPageAsync(gateway.BaseAddress, "sdis77", 1280, 900, contexts);
            string? lastCircuitNode = null;
            page.Response += (_, response) =>
            {
                if (response.Url.Contains("/_blazor/negotiate") && response.Headers.TryGetValue(NodeHeader.Name.ToLowerInvariant(), out var node))
                {
                    lastCircuitNode = node;
                }
            };
            // What Blazor says of the pause and the resume, for the failure message.
            page.Console += (_, message) => output.WriteLine($"[browser {message.Type}] {message.Text}");
            page.FrameNavigated += (_, frame) =>
            {
                if (frame == page.MainFrame) reloads++;
            };
            var form = new Uri(gateway.BaseAddress, "mobilisations/nouvelle").ToString();
            await page.GotoAsync(form);
            await page.WaitForCircuitAsync();
            var home = lastCircuitNode ?? throw new InvalidOperationException("No circuit answer carried the node's name");
            var victim = cluster.Node(home);
            var survivor = cluster.OtherThan(home);
            // The survivor is warm, as on a real day: the hand-over is not timed on a cold node.
            var colleague = await chromium.SignedInPageAsync(cluster.Node(survivor).BaseAddress, "sdis77", 1280, 900, contexts);
            await colleague.GotoAsync(new Uri(cluster.Node(survivor).BaseAddress, "mobilisations/nouvelle").ToString());
            await colleague.WaitForCircuitAsync();

            await page.PickCommuneAsync("Chelles", "Chelles (Seine-et-Marne)");
            await page.GetByLabel("Objet").FillAsync("Barrières pour fermer la rue de la Marne");
            await page.GetByLabel("Moyen demandé").FillAsync("barrières de police");
            await page.GetByLabel("Lieu").FillAsync("Rue de la Marne, Chelles");
            await page.GetByLabel("Lieu").BlurAsync();
            var reloadsBefore = reloads;
            // Marks the page the paused circuit drew: the resumed circuit draws it again, with its own event handlers.
            await page.GetByTestId("field-object").EvaluateAsync("e => e.dataset.pausedCircuit = 'oui'");

            var stopped = Stopwatch.StartNew();
            var stopping = victim.StopAsync();
            await gateway.WaitUntilAsync(() => Task.FromResult(lastCircuitNode == survivor), TimeSpan.FromSeconds(20), "the circuit resumed on the other node");
            await Assertions.Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await Assertions.Expect(page.GetByLabel("Objet")).ToHaveValueAsync("Barrières pour fermer la rue de la Marne");
            // A click on what the paused circuit drew is lost (its handlers died with it): wait for the new drawing.
            await Assertions.Expect(page.Locator("[data-paused-circuit]")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            output.WriteLine($"Circuit of {home} resumed on {survivor} {stopped.ElapsedMilliseconds} ms after the stop signal");
            await stopping;
            Assert.Equal(reloadsBefore, reloads); // resumed, not reloaded
            Assert.Equal(form, page.Url);

            await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByText("Rue de la Marne, Chelles").First).ToBeVisibleAsync();
        }
        catch
        {
            output.WriteLine($"Page loads: {reloads}");
            foreach (var node in cluster.Nodes) output.WriteLine($"--- {node.BaseAddress}\n{node.Output}");
            throw;
        }
        finally
        {
            foreach (var context in contexts) await context.CloseAsync();
        }
    }
}
