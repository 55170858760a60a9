using Enki.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enki.Tests.Nexsis.Simulator;

public sealed class SimulatorOptionsTests
{
    private static SimulatorOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddNexsisSimulator(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SimulatorOptions>>().Value;
    }

    [Fact]
    public void Defaults_play_a_storm_in_77_and_a_flood_and_a_forest_fire_in_35()
    {
        var options = Bind([]);

        Assert.True(options.Enabled);
        Assert.Equal(1, options.Speed);
        Assert.Equal(TimeSpan.FromMinutes(90), options.Backfill);
        Assert.Equal(0.01, options.MalformedShare);
        Assert.Equal(0.02, options.ExerciseShare);
        Assert.Null(options.Seed);
        Assert.Equal(["tempete-77", "inondation-35", "feu-de-foret-35"], options.EffectiveScenarios);
    }

    [Fact]
    public void Configured_scenarios_replace_the_defaults()
    {
        var options = Bind(new() { ["Enki:Simulator:Scenarios:0"] = "tempete-13", ["Enki:Simulator:Speed"] = "50", ["Enki:Simulator:Seed"] = "5" });

        Assert.Equal(["tempete-13"], options.EffectiveScenarios);
        Assert.Equal(50, options.Speed);
        Assert.Equal(5, options.Seed);
    }

    [Theory]
    [InlineData("Enki:Simulator:Speed", "0.5")]
    [InlineData("Enki:Simulator:Speed", "101")]
    [InlineData("Enki:Simulator:MalformedShare", "0.9")]
    [InlineData("Enki:Simulator:ExerciseShare", "-0.1")]
    [InlineData("Enki:Simulator:Scenarios:0", "seisme-77")]
    public void Out_of_range_settings_are_refused_in_French(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains("Enki:Simulator", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_simulator_registers_nothing_to_run()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Enki:Simulator:Enabled"] = "false" }).Build();
        using var provider = new ServiceCollection().AddNexsisSimulator(configuration).BuildServiceProvider();

        Assert.Null(provider.GetService<NexsisSimulator>());
        Assert.False(provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.Enabled);
    }

    [Theory]
    [InlineData("tempete-77", ScenarioKind.Storm, "77")]
    [InlineData("Inondation-35", ScenarioKind.Flood, "35")]
    [InlineData("feu-de-foret-2a", ScenarioKind.ForestFire, "2A")]
    [InlineData("tempete-974", ScenarioKind.Storm, "974")]
    public void Scenario_names_give_a_kind_and_a_department(string name, ScenarioKind kind, string department)
    {
        Assert.True(ScenarioDefinition.TryParse(name, out var scenario));
        Assert.Equal(kind, scenario.Kind);
        Assert.Equal(department, scenario.DepartmentCode);
    }
}
