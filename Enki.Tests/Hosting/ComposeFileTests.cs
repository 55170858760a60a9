using Enki.Tests.Support;

namespace Enki.Tests.Hosting;

/// <summary>
/// compose.yaml cannot be started here (no container runtime): what can be checked is that every variable
/// it gives Enki's nodes and gateway is a real setting, so the deployment it describes is the one that runs.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(RepositoryRoot(), "compose.yaml"));

    [Fact]
    public void Every_variable_the_compose_file_sets_for_enki_binds_to_a_real_setting()
    {
        Assert.Empty(ComposeVariables.Problems(Compose));
    }

    [Fact]
    public void The_compose_file_runs_several_nodes_behind_a_gateway_that_knows_each_of_them()
    {
        var services = ComposeVariables.Services(Compose);
        var nodes = services.Where(s => s.Value.Image == "enki").Select(s => s.Key).ToList();
        var gateway = Assert.Single(services.Values, s => s.Image == "enki-gateway");
        Assert.True(nodes.Count >= 2, $"{nodes.Count} node(s)");
        var addresses = gateway.Environment.Where(e => e.Key.StartsWith("Gateway__Nodes__", StringComparison.Ordinal))
            .Select(e => new Uri(e.Value).Host).Order().ToList();
        Assert.Equal(nodes.Order().ToList(), addresses);
        // Each node on the same database and Redis, with a data folder of its own.
        Assert.Single(nodes.Select(n => services[n].Environment["Enki__Database__ConnectionString"]).Distinct());
        Assert.Single(nodes.Select(n => services[n].Environment["Enki__Redis__Configuration"]).Distinct());
        Assert.All(nodes, n => Assert.Equal("PostgreSql", services[n].Environment["Enki__Database__Provider"]));
    }

    [Theory]
    [InlineData("enki-1", "Enki__Databse__Provider", "PostgreSql", "Databse")]
    [InlineData("enki-1", "Enki__Proxy__KnownNetwork__0", "10.0.0.1/32", "KnownNetwork")]
    [InlineData("enki-1", "Enki__Nexsis__PollInterval", "une seconde", "PollInterval")]
    [InlineData("enki-1", "Enki__Nexis__InboundApiKey", "cle", "Nexis")]
    [InlineData("enki-1", "ASPNETCORE_URL", "http://+:8080", "ASPNETCORE_URL")]
    [InlineData("enki-1", "ConnectionStrings__Enki", "Host=postgres", "ConnectionStrings__Enki")]
    [InlineData("gateway", "Gateway__Node__0", "http://enki-1:8080", "Node")]
    [InlineData("gateway", "Gateway__HealthCheckInterval", "2 s", "HealthCheckInterval")]
    public void A_misspelt_variable_or_a_value_of_the_wrong_type_is_reported(string service, string variable, string value, string named)
    {
        // The variable goes first into the service's own environment map.
        var at = Compose.IndexOf($"\n  {service}:\n", StringComparison.Ordinal);
        var environment = Compose.IndexOf("    environment:\n", at, StringComparison.Ordinal) + "    environment:\n".Length;
        var yaml = Compose.Insert(environment, $"      {variable}: \"{value}\"\n");

        var problem = Assert.Single(ComposeVariables.Problems(yaml));
        Assert.StartsWith(service + ":", problem);
        Assert.Contains(named, problem);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Enki.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException("Enki.sln not found above the tests' folder");
    }
}
