using Enki.Domain.Access;
using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningSamples;

namespace Enki.Tests.Warnings;

public sealed class WarningRuleTests
{
    [Fact]
    public void A_mayor_cannot_own_a_rule_on_another_commune_nor_on_the_department()
    {
        var other = Assert.Throws<WarningRefused>(() => VictimsRule(MairieChelles, Guichen, false, new VictimThreshold(VictimCategory.Any, 1)));
        Assert.Contains("hors du périmètre", other.Message);
        Assert.Throws<WarningRefused>(() => VictimsRule(MairieChelles, Jurisdiction.Department("77"), false, new VictimThreshold(VictimCategory.Any, 1)));
    }

    [Fact]
    public void A_prefecture_may_watch_its_department_or_one_of_its_communes_but_not_another_department()
    {
        Assert.Equal(Chelles, VictimsRule(Prefecture77, Chelles, true, new VictimThreshold(VictimCategory.Red, 1)).Territory);
        Assert.Throws<WarningRefused>(() => VictimsRule(Prefecture77, Guichen, true, new VictimThreshold(VictimCategory.Red, 1)));
    }

    [Fact]
    public void Settings_that_make_no_sense_are_refused_in_French()
    {
        Assert.Throws<WarningRefused>(() => VictimsRule(MairieChelles, Chelles, false));
        Assert.Throws<WarningRefused>(() => VictimsRule(MairieChelles, Chelles, false, new VictimThreshold(VictimCategory.Red, 0)));
        Assert.Throws<WarningRefused>(() => Rule(MairieChelles, new("x", WarningRuleKind.IncidentBurst, Chelles, false, BurstCount: 1)));
        Assert.Throws<WarningRefused>(() => Rule(MairieChelles, new("x", WarningRuleKind.NewIncident, Chelles, false, NatureFamilies: ["incendie"])));
        Assert.Throws<WarningRefused>(() => Rule(MairieChelles, new(" ", WarningRuleKind.NewIncident, Chelles, false)));
    }

    [Fact]
    public void Urgent_rules_escalate_after_ten_minutes_by_default_and_others_do_not_escalate()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), VictimsRule(MairieChelles, Chelles, true, new VictimThreshold(VictimCategory.Red, 1)).EffectiveEscalationDelay);
        Assert.Null(VictimsRule(MairieChelles, Chelles, false, new VictimThreshold(VictimCategory.Red, 1)).EffectiveEscalationDelay);
        var custom = Rule(MairieChelles, new("x", WarningRuleKind.MobilisationReceived, Chelles, false, EscalationDelay: TimeSpan.FromMinutes(3)));
        Assert.Equal(TimeSpan.FromMinutes(3), custom.EffectiveEscalationDelay);
    }

    [Fact]
    public void Defaults_give_a_mayor_victims_and_requests_on_the_commune_and_a_prefecture_thresholds_on_the_department()
    {
        var mayor = WarningRuleDefaults.For(Profile.Mayor, Chelles);
        Assert.Equal([WarningRuleKind.Victims, WarningRuleKind.Victims, WarningRuleKind.MobilisationReceived, WarningRuleKind.Vigilance], mayor.Select(r => r.Kind));
        Assert.All(mayor, r => Assert.Equal(Chelles, r.Territory));
        Assert.True(mayor[0].Urgent);
        var prefecture = WarningRuleDefaults.For(Profile.Prefecture, Jurisdiction.Department("77"));
        Assert.Equal(new VictimThreshold(VictimCategory.Red, 3), prefecture[0].Thresholds![1]);
        Assert.Equal(20, prefecture.Single(r => r.Kind == WarningRuleKind.IncidentBurst).BurstCount);
        Assert.Empty(WarningRuleDefaults.For(Profile.Cogic, Jurisdiction.National));
        // Every default is valid for its owner.
        Assert.All(prefecture, s => Rule(Prefecture77, s));
        Assert.All(mayor, s => Rule(MairieChelles, s));
    }

    [Theory]
    [InlineData("22:00", "07:00", "23:30", true)]
    [InlineData("22:00", "07:00", "06:59", true)]
    [InlineData("22:00", "07:00", "07:00", false)]
    [InlineData("22:00", "07:00", "12:00", false)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:00", false)]
    public void Quiet_hours_may_cross_midnight(string from, string to, string at, bool inside) =>
        Assert.Equal(inside, new QuietHours(TimeOnly.Parse(from), TimeOnly.Parse(to)).Contains(TimeOnly.Parse(at)));
}
