using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Tests.Support;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Events;

/// <summary>
/// The cache Blazor keeps a paused circuit's state in when the browser hung up before receiving it
/// (a busy node stopping): with Redis, what one node put there is read by another (issue 15).
/// </summary>
public sealed class SharedCircuitStateCacheTests
{
    private static ServiceProvider Node(string? redis) =>
        new ServiceCollection().AddLogging().AddEnkiNodeBus(new RedisOptions { Configuration = redis }).BuildServiceProvider();

    [SkippableFact]
    public async Task A_state_kept_by_the_stopping_node_is_found_by_the_other()
    {
        var configuration = await RedisServer.ConfigurationAsync();
        await using var stopping = Node(configuration);
        await using var survivor = Node(configuration);
        var key = $"circuit-{Guid.NewGuid():N}";

        await stopping.GetRequiredService<HybridCache>().SetAsync(key, "Barrières pour fermer la rue de la Marne");

        var found = await survivor.GetRequiredService<HybridCache>().GetOrCreateAsync(key, _ => ValueTask.FromResult("absent"));
        Assert.Equal("Barrières pour fermer la rue de la Marne", found);
    }

    [Fact]
    public async Task A_single_node_keeps_no_shared_cache()
    {
        await using var node = Node(null);
        Assert.Null(node.GetService<HybridCache>()); // Blazor then keeps paused circuits in the node's memory
    }
}
