namespace Enki.Tests.Support;

/// <summary>Enki.Gateway as its own process on a loopback port, in front of nodes started as <see cref="EnkiProcess"/>.</summary>
internal static class GatewayProcess
{
    /// <summary>Named <c>node-1</c>, <c>node-2</c>… in the order of <paramref name="nodes"/> (the <c>X-Enki-Node</c> header).</summary>
    public static EnkiProcess For(IReadOnlyList<EnkiProcess> nodes)
    {
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            settings[$"Gateway__Nodes__{i}"] = nodes[i].BaseAddress.ToString();
        }
        return new EnkiProcess("Enki.Gateway.dll", "/gateway/health", settings);
    }
}
