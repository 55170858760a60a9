using System.Collections.Concurrent;
using System.Diagnostics;
using Enki.Gateway;
using Enki.Tests.Support;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Hosting;

/// <summary>
/// Two Enki nodes behind Enki.Gateway, over one PostgreSQL database and one Redis (issue 15): a browser
/// stays on its node; when that node is killed (SIGKILL) during a NexSIS replay through the gateway, no
/// distribution is lost or applied twice, and the browser is back on the other node, signed in, on the
/// same address, without a click.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GatewayFailoverTests(ChromiumBrowser chromium, ITestOutputHelper output) : IClassFixture<ChromiumBrowser>
{
    private const string CasePrefix = "fr.fire.sis077.cga-077.BASCULE-";
    private const int Distributions = 200;

    /// <summary>A wall fixed on one panel of one commune: its scope is in the path, its panel in the query.</summary>
    private const string WallAddress = "mur/commune/77108?panneau=derniers";

    private static readonly TimeSpan BackWithin = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task A_browser_stays_on_its_node_and_is_back_on_the_other_within_10_s_when_it_is_killed_during_a_replay()
    {
        chromium.Require();
        await using var cluster = await GatewayCluster.StartAsync();
        var gateway = cluster.Gateway;
        var contexts = new List<IBrowserContext>();
        try
        {
            // Affinity: every answer to this browser comes from one node (round robin would alternate them).
            var page = await chromium.SignedInPageAsync(gateway.BaseAddress, "sdis77", 1440, 900, contexts);
            var servedBy = new ConcurrentQueue<string>();
            string? documentNode = null;
            page.Response += (_, response) =>
            {
                if (!response.Headers.TryGetValue(NodeHeader.Name.ToLowerInvariant(), out var node)) return;
                servedBy.Enqueue(node);
                if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) documentNode = node;
            };
            var wall = new Uri(gateway.BaseAddress, WallAddress).ToString();
            await page.GotoAsync(wall);
            await page.WaitForCircuitAsync();
            Assert.True(servedBy.Count > 2, $"Only {servedBy.Count} answers seen");
            var home = Assert.Single(servedBy.Distinct());
            var affinity = Assert.Single(await contexts[0].CookiesAsync(), c => c.Name == NodesCluster.AffinityCookie);
            Assert.True(affinity.HttpOnly);
            Assert.Equal(SameSiteAttribute.Lax, affinity.SameSite);
            var victim = cluster.Node(home);
            var survivor = cluster.OtherThan(home);
            var other = cluster.Node(survivor);
            // The survivor serves a colleague's wall already, as on a real day: the failover is not timed on a cold node.
            var colleague = await chromium.SignedInPageAsync(other.BaseAddress, "sdis77", 1440, 900, contexts);
            await colleague.GotoAsync(new Uri(other.BaseAddress, WallAddress).ToString());
            await colleague.WaitForCircuitAsync();

            var replay = new NexsisReplay(gateway.BaseAddress, ClusterNodes.PushKey,
                Enumerable.Range(1, Distributions).Select(i => CreateCase($"{CasePrefix}{i:000}")).ToList());
            var replaying = replay.RunAsync(TimeSpan.FromSeconds(60));
            await gateway.WaitUntilAsync(() => Task.FromResult(replay.Accepted >= Distributions / 4 || replaying.IsCompleted),
                TimeSpan.FromSeconds(30), "a quarter of the replay accepted");
            Assert.False(replaying.IsCompleted, "The replay ended before the kill: nothing was in flight");

            var reloaded = new TaskCompletionSource();
            page.FrameNavigated += (_, frame) =>
            {
                if (frame == page.MainFrame) reloaded.TrySetResult();
            };
            var down = Stopwatch.StartNew();
            victim.Kill();
            // Blazor's reconnection reaches the survivor through the gateway, which rejects the unknown circuit: the page reloads itself.
            await reloaded.Task.WaitAsync(BackWithin);
            var reloadedAfter = down.Elapsed;
            await page.WaitForCircuitAsync();
            var back = down.Elapsed;
            output.WriteLine($"Browser back on {documentNode} {back.TotalMilliseconds:0} ms after {home} was killed " +
                             $"(page reloaded after {reloadedAfter.TotalMilliseconds:0} ms)");
            Assert.Equal(survivor, documentNode);
            Assert.Equal(wall, page.Url); // still signed in (no detour by the sign-in page), same scope and panel
            await Assertions.Expect(page.Locator("[data-testid='wall-panel']")).ToHaveAttributeAsync("data-panel", "derniers");
            Assert.True(back < BackWithin, $"Back after {back.TotalSeconds:0.0} s");

            await replaying;
            output.WriteLine($"{replay.Accepted} distributions accepted, {replay.Resent} sends made again");
            await using var connection = new NpgsqlConnection(cluster.Database);
            await connection.OpenAsync();
            await gateway.WaitUntilAsync(async () => await CountAsync(connection, """SELECT count(*) FROM "Incidents" WHERE "CaseId" LIKE @prefix""") == Distributions,
                TimeSpan.FromSeconds(30), "every case applied");
            // Exactly once: one stored distribution each, applied, and one opening in the stream per incident.
            Assert.Equal(Distributions, await CountAsync(connection, """SELECT count(*) FROM "NexsisInbox" WHERE "CaseId" LIKE @prefix"""));
            Assert.Equal(Distributions, await CountAsync(connection, """SELECT count(*) FROM "NexsisInbox" WHERE "CaseId" LIKE @prefix AND "State" = 'Processed'"""));
            Assert.Equal(Distributions, await CountAsync(connection, """
                SELECT count(*) FROM "Events" e JOIN "Incidents" i ON i."Id" = e."SubjectId"
                WHERE e."Type" = 'incident.opened' AND i."CaseId" LIKE @prefix
                """));
        }
        finally
        {
            foreach (var context in contexts) await context.CloseAsync();
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", CasePrefix + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
