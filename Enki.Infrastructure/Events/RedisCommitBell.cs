using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Enki.Infrastructure.Events;

/// <summary>
/// The commit bell of several nodes: a commit rings this node at once and is published on Redis, and
/// a publication from another node rings this one, so every node's screens read the shared stream
/// within a moment of any node's commit. Publish/subscribe may lose a message (a reconnect, Redis
/// down): nothing is lost with it, since readers take the events from the database by sequence; they
/// only wait for their poll, and a restored connection rings at once so they catch up.
/// </summary>
public sealed class RedisCommitBell(IConnectionMultiplexer redis, IOptions<EventsOptions> options, ILogger<RedisCommitBell> logger)
    : ICommitBell, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("enki:evenements:valides");

    private readonly InProcessCommitBell _local = new();
    private readonly RedisValue _node = options.Value.Node;

    public Task NextAsync() => _local.NextAsync();

    public void Ring()
    {
        _local.Ring();
        try
        {
            redis.GetSubscriber().Publish(Channel, _node, CommandFlags.FireAndForget);
        }
        catch (RedisException failure)
        {
            logger.LogDebug(failure, "Commit not announced on Redis; other nodes find it at their next poll");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnConnectionRestored;
        // Not awaited: without Redis the node starts anyway and polls; the client keeps the
        // subscription and makes it as soon as Redis answers (and again after each reconnect).
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, node) =>
        {
            if (node != _node) _local.Ring();
        }, CommandFlags.FireAndForget);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        return Task.CompletedTask;
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.LogInformation("Redis connection restored ({Endpoint}): reading the stream for what was missed", e.EndPoint);
        _local.Ring();
    }
}
