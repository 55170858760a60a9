using System.Diagnostics;
using Enki.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Hosting;

/// <summary>
/// Two Enki nodes as two processes over one PostgreSQL database and one Redis: what NexSIS pushes to
/// one node reaches the screens open on the other (issue 15).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TwoNodesEndToEndTests(ChromiumBrowser chromium, ITestOutputHelper output) : IClassFixture<ChromiumBrowser>
{
    [SkippableFact]
    public async Task An_incident_pushed_to_node_a_appears_within_a_moment_on_a_list_open_on_node_b()
    {
        chromium.Require();
        var database = await PostgresServer.CreateDatabaseAsync();
        var redis = await RedisServer.ConfigurationAsync();
        await using var a = new EnkiProcess(ClusterNodes.Settings(database, redis));
        await a.StartAsync(TimeSpan.FromSeconds(90)); // migrates the database; B then finds nothing to do
        await using var b = new EnkiProcess(ClusterNodes.Settings(database, redis));
        await b.StartAsync(TimeSpan.FromSeconds(90));
        var contexts = new List<IBrowserContext>();
        try
        {
            var page = await chromium.SignedInPageAsync(b.BaseAddress, "sdis77", 1440, 900, contexts);
            await page.GotoAsync(new Uri(b.BaseAddress, "incidents").ToString());
            await page.WaitForCircuitAsync();

            const string caseId = "fr.fire.sis077.cga-077.DEUX-NOEUDS-1";
            using var nexsis = new HttpClient { BaseAddress = a.BaseAddress };
            var pushed = Stopwatch.StartNew();
            (await nexsis.PushNexsisAsync(CreateCase(caseId), ClusterNodes.PushKey)).EnsureSuccessStatusCode();

            // Well under B's 30 s poll: the news came through Redis.
            await Assertions.Expect(page.Locator($"[data-case-id='{caseId}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
            output.WriteLine($"Pushed to node A, shown on node B after {pushed.ElapsedMilliseconds} ms");
        }
        finally
        {
            foreach (var context in contexts) await context.CloseAsync();
        }
    }
}
