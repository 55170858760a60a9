using System.Globalization;
using Microsoft.Extensions.Options;

namespace Enki.Simulator;

/// <summary>Settings under <c>Enki:Simulator</c>: the built-in NexSIS simulator that feeds a live console.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Enki:Simulator";

    /// <summary>Scenarios played when <see cref="Scenarios"/> is empty: a storm over Seine-et-Marne (Chelles),
    /// an urban flood and a forest fire in Ille-et-Vilaine (Guichen).</summary>
    public static readonly IReadOnlyList<string> DefaultScenarios = ["tempete-77", "inondation-35", "feu-de-foret-35"];

    /// <summary>Runs the simulator and maps its endpoints (on by default: the embedded default shows a live console).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Acceleration of the simulated clock, from 1 (real time) to 100.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>
    /// How much of the scenarios has already happened when Enki starts: played at once, with
    /// timestamps in the past, so the console opens on a crisis under way. At Speed 1 message
    /// times then stay true to the wall clock; faster speeds run ahead of it.
    /// </summary>
    public TimeSpan Backfill { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>
    /// Ordinary traffic of the scenarios' departments (<see cref="BackgroundTraffic"/>): this much history is put in the
    /// feed at start when the store holds no incident yet, and ordinary traffic goes on beside the scenarios. The default,
    /// 4 weeks and a day, gives « écart à la normale » its 4 weeks of reference over the last 24 hours. Zero: none.
    /// </summary>
    public TimeSpan Background { get; set; } = TimeSpan.FromDays(29);

    /// <summary>
    /// Scenario names <c>{kind}-{department}</c>, kind one of <c>tempete</c>, <c>inondation</c>,
    /// <c>feu-de-foret</c> (e.g. <c>tempete-77</c>). Empty: <see cref="DefaultScenarios"/>.
    /// </summary>
    /// <remarks>Empty by default because the configuration binder appends to a pre-filled list.</remarks>
    public List<string> Scenarios { get; set; } = [];

    /// <summary>Share of extra malformed messages slipped into the feed (0 to 0.5).</summary>
    public double MalformedShare { get; set; } = 0.01;

    /// <summary>Share of incidents sent as exercise traffic (0 to 1).</summary>
    public double ExerciseShare { get; set; } = 0.02;

    /// <summary>Random seed: the same seed and start instant give the same feed. Null: a new run each time.</summary>
    public int? Seed { get; set; }

    /// <summary>The scenarios to play: <see cref="Scenarios"/>, or the defaults when none is configured.</summary>
    public IReadOnlyList<string> EffectiveScenarios => Scenarios.Count > 0 ? Scenarios : DefaultScenarios;
}

/// <summary>Checks <see cref="SimulatorOptions"/> at start-up, with French messages for the operators.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.Backfill < TimeSpan.Zero || options.Backfill > TimeSpan.FromDays(1))
        {
            errors.Add("Enki:Simulator:Backfill doit être compris entre 0 et 24 heures.");
        }

        if (options.Background < TimeSpan.Zero || options.Background > TimeSpan.FromDays(60))
        {
            errors.Add("Enki:Simulator:Background doit être compris entre 0 et 60 jours.");
        }

        if (!double.IsFinite(options.Speed) || options.Speed is < 1 or > 100)
        {
            errors.Add($"Enki:Simulator:Speed doit être compris entre 1 et 100 (valeur : {options.Speed.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (!double.IsFinite(options.MalformedShare) || options.MalformedShare is < 0 or > 0.5)
        {
            errors.Add("Enki:Simulator:MalformedShare doit être compris entre 0 et 0,5.");
        }

        if (!double.IsFinite(options.ExerciseShare) || options.ExerciseShare is < 0 or > 1)
        {
            errors.Add("Enki:Simulator:ExerciseShare doit être compris entre 0 et 1.");
        }

        foreach (var scenario in options.EffectiveScenarios)
        {
            if (!ScenarioDefinition.TryParse(scenario, out _))
            {
                errors.Add($"Enki:Simulator:Scenarios : scénario inconnu « {scenario} » (attendu tempete-NN, inondation-NN ou feu-de-foret-NN).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
