namespace Enki.Tests.Support;

/// <summary>The settings of an Enki node of a test cluster: one PostgreSQL database, one Redis, demo accounts, no simulator.</summary>
internal static class ClusterNodes
{
    public const string PushKey = "cle-de-poussee-deux-noeuds";

    public static Dictionary<string, string> Settings(string database, string redis) => new()
    {
        // A build, not a published app: only Development serves the static web assets a browser needs
        // (blazor.web.js, MudBlazor). With a server database nothing else of the embedded default comes with it.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Enki__Database__Provider"] = "PostgreSql",
        ["Enki__Database__ConnectionString"] = database,
        ["Enki__Redis__Configuration"] = redis,
        ["Enki__DataPath"] = Directory.CreateTempSubdirectory("enki-node-").FullName,
        ["Enki__Nexsis__InboundApiKey"] = PushKey,
        ["Enki__Simulator__Enabled"] = "false",
        ["Enki__Demo__Enabled"] = "true",
        ["Enki__Demo__Crises"] = "false",
        // Only Redis can bring a node the news in time: its own poll of the stream would take 30 s.
        ["Enki__Events__PollInterval"] = "00:00:30",
    };

    /// <summary>A node that believes the gateway's X-Forwarded-* (it runs on loopback).</summary>
    public static Dictionary<string, string> BehindGateway(string database, string redis) =>
        new(Settings(database, redis))
        {
            ["Enki__Proxy__KnownNetworks__0"] = "127.0.0.1/32",
            // What a graceful stop did, for the failure message of the tests that stop a node.
            ["Logging__LogLevel__Enki.Web.Hosting.GracefulStop"] = "Information",
        };
}
