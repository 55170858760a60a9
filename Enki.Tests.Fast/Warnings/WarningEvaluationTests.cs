using Enki.Domain.Incidents;
using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningSamples;

namespace Enki.Tests.Warnings;

public sealed class WarningEvaluationTests
{
    private readonly FakeFacts _facts = new();

    [Fact]
    public void A_first_urgence_absolue_in_Chelles_raises_the_mayors_urgent_rule_only_once()
    {
        var urgent = VictimsRule(MairieChelles, Chelles, true, new VictimThreshold(VictimCategory.Deceased, 1), new VictimThreshold(VictimCategory.Red, 1));
        var any = VictimsRule(MairieChelles, Chelles, false, new VictimThreshold(VictimCategory.Any, 1));
        var drafts = WarningEvaluation.Evaluate([any, urgent], VictimsChanged(IncidentVictims.None, Victims(red: 1)), _facts);
        var draft = Assert.Single(drafts);
        Assert.Same(urgent, draft.Rule);
        Assert.Equal("Victimes à Chelles : au moins une urgence absolue", draft.Title);
        Assert.Equal("77108", draft.Place.CommuneCode);
        Assert.Equal("1 urgence absolue", draft.Detail);
        Assert.Equal("1 décédé, 2 urgences absolues, 3 impliqués", WarningEvaluation.VictimsInWords(Victims(red: 2, green: 3, deceased: 1)));
    }

    [Fact]
    public void Victims_rules_fire_on_crossing_the_threshold_not_on_every_update()
    {
        var rule = VictimsRule(Prefecture77, Jurisdiction77, true, new VictimThreshold(VictimCategory.Red, 3));
        Assert.Null(WarningEvaluation.Match(rule, VictimsChanged(Victims(red: 1), Victims(red: 2)), _facts));
        Assert.NotNull(WarningEvaluation.Match(rule, VictimsChanged(Victims(red: 2), Victims(red: 3)), _facts));
        Assert.NotNull(WarningEvaluation.Match(rule, VictimsChanged(Victims(red: 0), Victims(red: 5)), _facts));
        Assert.Null(WarningEvaluation.Match(rule, VictimsChanged(Victims(red: 3), Victims(red: 4)), _facts));
        Assert.Null(WarningEvaluation.Match(rule, VictimsChanged(Victims(red: 4), Victims(red: 2)), _facts));
    }

    [Fact]
    public void Rules_see_only_their_territory_and_never_exercises()
    {
        var chelles = VictimsRule(MairieChelles, Chelles, false, new VictimThreshold(VictimCategory.Any, 1));
        Assert.Null(WarningEvaluation.Match(chelles, VictimsChanged(IncidentVictims.None, Victims(green: 1), commune: "77288"), _facts));
        Assert.Null(WarningEvaluation.Match(chelles, VictimsChanged(IncidentVictims.None, Victims(green: 1), exercise: true), _facts));
        Assert.NotNull(WarningEvaluation.Match(chelles, VictimsChanged(IncidentVictims.None, Victims(green: 1)), _facts));
    }

    [Fact]
    public void New_incident_rules_filter_on_nature_families()
    {
        var fires = Rule(MairieChelles, new("feux", WarningRuleKind.NewIncident, Chelles, false, NatureFamilies: ["c04"]));
        Assert.Equal(["C04"], fires.NatureFamilies);
        Assert.Equal("Nouvelle intervention à Chelles", WarningEvaluation.Match(fires, Opened("C04"), _facts)!.Title);
        Assert.Null(WarningEvaluation.Match(fires, Opened("C01"), _facts));
        var all = Rule(MairieChelles, new("toutes", WarningRuleKind.NewIncident, Chelles, false));
        Assert.NotNull(WarningEvaluation.Match(all, Opened("C01"), _facts));
    }

    [Fact]
    public void A_burst_fires_at_the_count_and_not_again_within_the_hour()
    {
        var burst = Rule(Prefecture77, new("rafale", WarningRuleKind.IncidentBurst, Jurisdiction77, false, BurstCount: 5));
        _facts.OpenedWithinHour = 4;
        Assert.Null(WarningEvaluation.Match(burst, Opened(), _facts));
        _facts.OpenedWithinHour = 5;
        var draft = WarningEvaluation.Match(burst, Opened(), _facts)!;
        Assert.Equal("5 interventions en une heure : Département 77", draft.Title);
        Assert.Null(draft.Place.CommuneCode);
        Assert.Equal("77", draft.Place.DepartmentCode);
        _facts.RaisedRecently.Add(burst.Id);
        _facts.OpenedWithinHour = 6;
        Assert.Null(WarningEvaluation.Match(burst, Opened(), _facts));
    }

    [Fact]
    public void A_request_to_Chelles_warns_its_mayor_and_not_Guichens()
    {
        var chelles = Rule(MairieChelles, new("demandes", WarningRuleKind.MobilisationReceived, Chelles, false));
        var guichen = Rule(WarningOwner.Organisation(Enki.Domain.Access.Profile.Mayor, Guichen), new("demandes", WarningRuleKind.MobilisationReceived, Guichen, false));
        var drafts = WarningEvaluation.Evaluate([chelles, guichen], RequestIssued("77108"), _facts);
        Assert.Same(chelles, Assert.Single(drafts).Rule);
        Assert.Equal(WarningSubjectKind.MobilisationRequest, drafts[0].SubjectKind);
    }

    [Fact]
    public void Disabled_rules_raise_nothing()
    {
        var off = Rule(MairieChelles, new("off", WarningRuleKind.Victims, Chelles, false, Thresholds: [new(VictimCategory.Any, 1)], Enabled: false));
        Assert.Empty(WarningEvaluation.Evaluate([off], VictimsChanged(IncidentVictims.None, Victims(red: 2)), _facts));
    }

    [Fact]
    public void An_unusual_hour_is_flagged_above_the_poisson_quantile_of_the_previous_weeks_once_an_hour()
    {
        var unusual = Rule(Prefecture77, new("heure", WarningRuleKind.UnusualHour, Jurisdiction77, false));
        // Previous weeks 2, 3, 1, 2: mean 2; P(X ≤ 6) = 0.9955 ≥ 0.99 > P(X ≤ 5) = 0.9834, so the threshold is 6.
        _facts.OpenedWeeksBefore = [2, 3, 1, 2];
        _facts.OpenedWithinHour = 6;
        Assert.Null(WarningEvaluation.Match(unusual, Opened(), _facts)); // at the threshold: ordinary

        _facts.OpenedWithinHour = 7;
        var draft = WarningEvaluation.Match(unusual, Opened(), _facts)!;
        Assert.Equal("Heure inhabituelle : Département 77", draft.Title);
        Assert.StartsWith("7 interventions en une heure, contre 2 en moyenne à la même heure les 4 semaines précédentes (seuil 6", draft.Detail);
        Assert.Equal(WarningSubjectKind.Territory, draft.SubjectKind);

        _facts.RaisedRecently.Add(unusual.Id);
        Assert.Null(WarningEvaluation.Match(unusual, Opened(), _facts)); // once an hour
    }

    [Fact]
    public void One_incident_alone_is_never_an_unusual_hour()
    {
        var unusual = Rule(MairieChelles, new("heure", WarningRuleKind.UnusualHour, Chelles, false));
        _facts.OpenedWeeksBefore = [0, 0, 0, 0]; // a quiet commune: a threshold of 0
        _facts.OpenedWithinHour = 1;
        Assert.Null(WarningEvaluation.Match(unusual, Opened(), _facts));
        _facts.OpenedWithinHour = 2;
        Assert.NotNull(WarningEvaluation.Match(unusual, Opened(), _facts));
    }

    private static readonly Enki.Domain.Access.Jurisdiction Jurisdiction77 = Enki.Domain.Access.Jurisdiction.Department("77");
}
