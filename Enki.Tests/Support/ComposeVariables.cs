using Enki.Gateway;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Nexsis;
using Enki.Simulator;
using Enki.Web.Components.Map;
using Enki.Web.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Enki.Tests.Support;

/// <summary>
/// Checks the environment a compose file gives Enki's containers against the app's real settings: every
/// <c>Enki__…</c> variable of a node (image <c>enki</c>) must bind to a property of the options class that
/// reads its section, every <c>Gateway__…</c> of the gateway (image <c>enki-gateway</c>) to
/// <see cref="GatewayOptions"/>, with the binder's <c>ErrorOnUnknownConfiguration</c>, and typed values
/// must convert. A misspelt name would otherwise be ignored silently by the running app.
/// </summary>
internal static class ComposeVariables
{
    /// <summary>What ASP.NET Core itself reads from the environment, among what a compose file has reason to set.</summary>
    public static readonly IReadOnlySet<string> AspNetCore = new HashSet<string>(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS",
    };

    /// <summary>Sections under <c>Enki</c> read by their own options class rather than <see cref="EnkiOptions"/>.</summary>
    private static readonly Dictionary<string, Type> OwnSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Nexsis"] = typeof(NexsisOptions),
        ["Events"] = typeof(EventsOptions),
        ["Simulator"] = typeof(SimulatorOptions),
        ["Proxy"] = typeof(ProxyOptions),
        ["Map"] = typeof(MapOptions),
        ["SignIn"] = typeof(SignInThrottle),
    };

    /// <summary>The services of a compose file with the environment each sets (anchors and merge keys resolved).</summary>
    public static Dictionary<string, (string? Image, Dictionary<string, string> Environment)> Services(string yaml)
    {
        var root = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(new StringReader(yaml))));
        var services = (Dictionary<object, object>)root["services"];
        return services.ToDictionary(
            s => (string)s.Key,
            s =>
            {
                var service = (Dictionary<object, object>)s.Value;
                return (service.GetValueOrDefault("image") as string, Environment(service.GetValueOrDefault("environment")));
            });
    }

    /// <summary>Every problem found, one line each naming the service and the variable; empty when all bind.</summary>
    public static IReadOnlyList<string> Problems(string yaml)
    {
        var problems = new List<string>();
        foreach (var (name, (image, environment)) in Services(yaml))
        {
            var repository = image?.Split(':')[0];
            if (repository == "enki") problems.AddRange(Check(name, environment, "Enki__", BindNode));
            else if (repository == "enki-gateway") problems.AddRange(Check(name, environment, "Gateway__", BindGateway));
        }
        return problems;
    }

    private static IEnumerable<string> Check(string service, Dictionary<string, string> environment, string prefix,
        Func<IConfiguration, IEnumerable<string>> bind)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (variable, value) in environment)
        {
            if (variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            {
                if (!AspNetCore.Contains(variable)) yield return $"{service}: {variable} is not a variable ASP.NET Core reads";
            }
            else if (variable.StartsWith(prefix, StringComparison.Ordinal))
            {
                settings[variable.Replace("__", ":")] = Interpolated(value);
            }
            else
            {
                yield return $"{service}: {variable} is neither {prefix}… nor ASPNETCORE_…";
            }
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        foreach (var problem in bind(configuration)) yield return $"{service}: {problem}";
    }

    private static IEnumerable<string> BindNode(IConfiguration configuration)
    {
        var enki = configuration.GetSection(EnkiOptions.Section);
        // EnkiOptions reads the rest of the section: bound without the sections other classes read.
        var rest = new ConfigurationBuilder().AddInMemoryCollection(configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key.Split(':') is [_, var sub, ..] && !OwnSections.ContainsKey(sub))).Build();
        foreach (var problem in Bind(rest.GetSection(EnkiOptions.Section), typeof(EnkiOptions))) yield return problem;
        foreach (var section in enki.GetChildren())
        {
            if (OwnSections.TryGetValue(section.Key, out var type))
            {
                foreach (var problem in Bind(section, type)) yield return problem;
            }
        }
    }

    private static IEnumerable<string> BindGateway(IConfiguration configuration) =>
        Bind(configuration.GetSection(GatewayOptions.Section), typeof(GatewayOptions));

    private static IEnumerable<string> Bind(IConfigurationSection section, Type type)
    {
        try
        {
            section.Bind(Activator.CreateInstance(type)!, o => o.ErrorOnUnknownConfiguration = true);
            return [];
        }
        catch (InvalidOperationException e)
        {
            return [$"{section.Path} does not bind to {type.Name}: {e.Message}"];
        }
    }

    /// <summary>
    /// Compose's <c>${NAME:-default}</c> becomes its default, <c>${NAME}</c> and <c>${NAME:?message}</c> a placeholder:
    /// what is checked is where the value goes (a typed setting must not depend on the host's variables).
    /// </summary>
    private static string Interpolated(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"\$\{[A-Za-z_][A-Za-z0-9_]*(?::-([^}]*)|:\?[^}]*)?\}",
            m => m.Groups[1].Success ? m.Groups[1].Value : "valeur");

    private static Dictionary<string, string> Environment(object? environment) => environment switch
    {
        null => [],
        Dictionary<object, object> map => map.ToDictionary(kv => (string)kv.Key, kv => kv.Value?.ToString() ?? ""),
        List<object> list => list.Select(item => ((string)item).Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
        _ => throw new InvalidOperationException($"environment: unexpected {environment.GetType().Name}"),
    };
}
