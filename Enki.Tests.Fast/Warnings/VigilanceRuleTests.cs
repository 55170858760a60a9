using Enki.Domain.Access;
using Enki.Domain.Vigilance;
using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningSamples;

namespace Enki.Tests.Warnings;

public sealed class VigilanceRuleTests
{
    private static readonly WarningOwner Prefecture35 = WarningOwner.Organisation(Profile.Prefecture, Jurisdiction.Department("35"));
    private static readonly WarningOwner MairieGuichen = WarningOwner.Organisation(Profile.Mayor, Guichen);
    private readonly FakeFacts _facts = new();

    private static VigilanceChanged Changed(string department, VigilanceColour colour, VigilanceColour previous = VigilanceColour.Yellow,
        VigilanceSource source = VigilanceSource.MeteoFrance, params string[] communes) =>
        new(new VigilanceSubject(Guid.NewGuid(), source, department, source == VigilanceSource.Vigicrues ? "Vilaine moyenne" : "Ille-et-Vilaine", department,
                department == "35" ? "OUEST" : "PARIS",
                source == VigilanceSource.Vigicrues ? VigilancePhenomenon.Floods : VigilancePhenomenon.Wind,
                source == VigilanceSource.Vigicrues ? "Crues" : "Vent violent", 0, colour, Now, Now.AddHours(12), communes),
            Now, previous);

    private static WarningRule DefaultRule(WarningOwner owner) =>
        Rule(owner, WarningRuleDefaults.For(owner.Profile, owner.Jurisdiction).Single(s => s.Kind == WarningRuleKind.Vigilance));

    [Fact]
    public void The_prefecture_of_Ille_et_Vilaine_is_warned_when_its_wind_turns_orange()
    {
        var draft = WarningEvaluation.Match(DefaultRule(Prefecture35), Changed("35", VigilanceColour.Orange), _facts);

        Assert.NotNull(draft);
        Assert.Equal("Vigilance Vent violent orange (35)", draft.Title);
        Assert.Equal("Météo-France : Vent violent passe de jaune à orange (Ille-et-Vilaine).", draft.Detail);
        Assert.Equal(new WarningPlace(null, "35", "OUEST"), draft.Place);
        Assert.Equal(WarningSubjectKind.Territory, draft.SubjectKind);
    }

    [Fact]
    public void Another_department_s_red_never_reaches_the_mayor_of_Chelles_nor_the_prefecture_of_Seine_et_Marne()
    {
        var red35 = Changed("35", VigilanceColour.Red);
        Assert.Null(WarningEvaluation.Match(DefaultRule(MairieChelles), red35, _facts));
        Assert.Null(WarningEvaluation.Match(DefaultRule(Prefecture77), red35, _facts));
    }

    [Fact]
    public void A_mayor_hears_of_the_department_s_red_only_and_once_as_it_rises()
    {
        var mayor = DefaultRule(MairieGuichen);
        Assert.Equal(VigilanceColour.Red, mayor.VigilanceAtLeast);

        Assert.Null(WarningEvaluation.Match(mayor, Changed("35", VigilanceColour.Orange), _facts));
        var red = WarningEvaluation.Match(mayor, Changed("35", VigilanceColour.Red, previous: VigilanceColour.Orange), _facts);
        Assert.Equal(new WarningPlace("35126", "35", "OUEST"), red!.Place);
        // Still red, an hour later: nothing new.
        Assert.Null(WarningEvaluation.Match(mayor, Changed("35", VigilanceColour.Red, previous: VigilanceColour.Red), _facts));
        // Going down to orange raises nothing either.
        Assert.Null(WarningEvaluation.Match(DefaultRule(Prefecture35), Changed("35", VigilanceColour.Orange, previous: VigilanceColour.Red), _facts));
    }

    [Fact]
    public void A_river_section_reaches_the_mayors_of_the_communes_it_crosses_only()
    {
        var rule = Rule(MairieGuichen, new("crues", WarningRuleKind.Vigilance, Guichen, false, VigilanceAtLeast: VigilanceColour.Orange));

        Assert.NotNull(WarningEvaluation.Match(rule, Changed("35", VigilanceColour.Orange, source: VigilanceSource.Vigicrues, communes: ["35126", "35047"]), _facts));
        Assert.Null(WarningEvaluation.Match(rule, Changed("35", VigilanceColour.Red, source: VigilanceSource.Vigicrues, communes: ["35238"]), _facts));
    }

    [Fact]
    public void Vigilance_rules_ignore_incidents_and_other_rules_ignore_vigilance()
    {
        Assert.Null(WarningEvaluation.Match(DefaultRule(Prefecture35), Opened(commune: "35126"), _facts));
        var victims = VictimsRule(Prefecture35, Jurisdiction.Department("35"), false, new VictimThreshold(VictimCategory.Any, 1));
        Assert.Null(WarningEvaluation.Match(victims, Changed("35", VigilanceColour.Red), _facts));
    }

    [Fact]
    public void A_vigilance_rule_starting_at_yellow_is_refused()
    {
        var refused = Assert.Throws<WarningRefused>(() =>
            Rule(Prefecture77, new("jaune", WarningRuleKind.Vigilance, Jurisdiction.Department("77"), false, VigilanceAtLeast: VigilanceColour.Yellow)));
        Assert.Equal("Une règle de vigilance part de l'orange ou du rouge.", refused.Message);
    }
}
