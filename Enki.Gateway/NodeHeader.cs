using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Enki.Gateway;

/// <summary>
/// Every answer says which node served it (<c>X-Enki-Node: node-2</c>): an operator reading a browser's
/// network tab, or a test, sees where a browser is kept without decoding the affinity cookie's hash.
/// </summary>
public static class NodeHeader
{
    public const string Name = "X-Enki-Node";

    public static void Add(TransformBuilderContext context) =>
        context.AddResponseTransform(transform =>
        {
            if (transform.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } node)
            {
                transform.HttpContext.Response.Headers[Name] = node.DestinationId;
            }
            return ValueTask.CompletedTask;
        });
}
