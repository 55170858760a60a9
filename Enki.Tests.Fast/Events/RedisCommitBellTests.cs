using Enki.Infrastructure.Events;
using Enki.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Enki.Tests.Events;

/// <summary>The bell that carries the news of commits between nodes, over a real redis-server (issue 15).</summary>
public sealed class RedisCommitBellTests
{
    private static RedisCommitBell Bell(IConnectionMultiplexer redis, string node) =>
        new(redis, Options.Create(new EventsOptions { Node = node }), NullLogger<RedisCommitBell>.Instance);

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    [SkippableFact]
    public async Task A_commit_on_one_node_rings_the_other_and_its_own_at_once()
    {
        var configuration = await RedisServer.ConfigurationAsync();
        await using var redisA = await ConnectAsync(configuration);
        await using var redisB = await ConnectAsync(configuration);
        var a = Bell(redisA, "noeud-a");
        var b = Bell(redisB, "noeud-b");
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);

        var heardOnA = a.NextAsync();
        a.Ring();
        await heardOnA.WaitAsync(TimeSpan.FromSeconds(1)); // its own commit: at once, no round trip

        // B's subscription is made in the background just after it starts; from then on A's news reach it.
        await HearsAsync(b, a.Ring, DateTime.UtcNow.AddSeconds(30));
    }

    [SkippableFact]
    public async Task A_node_started_while_redis_is_down_rings_its_own_readers_and_joins_the_others_when_redis_comes()
    {
        var port = LoopbackPort.Free(); // nobody listens there yet: Redis is down
        await using var redisA = await ConnectAsync($"127.0.0.1:{port},connectTimeout=500");
        var a = Bell(redisA, "noeud-a");
        await a.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var heardAlone = a.NextAsync();
        a.Ring();
        await heardAlone.WaitAsync(TimeSpan.FromSeconds(1));

        await using var server = await RedisServer.StartOwnAsync(port);
        await using var redisB = await ConnectAsync($"127.0.0.1:{port}");
        var b = Bell(redisB, "noeud-b");
        await b.StartAsync(CancellationToken.None);
        // A's client reconnects by itself (its reconnection rings it once) and makes the subscription it kept.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!redisA.IsConnected && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(redisA.IsConnected, "A's client did not reconnect once Redis came");
        for (var news = 0; news < 3; news++) // more than the one ring of its reconnection
        {
            await HearsAsync(a, b.Ring, deadline);
        }
    }

    /// <summary>Rings until <paramref name="listener"/> hears it: a subscription is made shortly after a connection.</summary>
    private static async Task HearsAsync(RedisCommitBell listener, Action ring, DateTime deadline)
    {
        while (true)
        {
            var heard = listener.NextAsync();
            ring();
            try
            {
                await heard.WaitAsync(TimeSpan.FromMilliseconds(500));
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
