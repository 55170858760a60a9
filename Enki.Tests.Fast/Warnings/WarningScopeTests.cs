using Enki.Domain.Access;
using Enki.Application.Warnings;
using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings;

/// <summary>Every read and write checked against the viewer when it runs, whatever a page showed.</summary>
public sealed class WarningScopeTests : IAsyncLifetime
{
    private readonly WarningsHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Mayor_of_Guichen_never_gets_a_Chelles_warning_from_the_centre_nor_by_id_nor_acknowledges_it()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        var id = (await _harness.WarningsAsync()).Single().Id;
        Assert.Single(await _harness.Queries.CentreAsync(MaireChelles));
        Assert.Empty(await _harness.Queries.CentreAsync(MaireGuichen));
        Assert.Null(await _harness.Queries.DetailAsync(MaireGuichen, id));
        Assert.Equal(WarningCommands.NotFound, (await _harness.Commands.AcknowledgeAsync(MaireGuichen, id)).Refusal);
        Assert.NotNull(await _harness.Queries.DetailAsync(Prefecture77, id)); // the supervisor over Chelles reads who was warned
        Assert.Equal(0, await _harness.Queries.UnreadCountAsync(MaireGuichen));
    }

    [Fact]
    public async Task A_mayor_cannot_create_a_rule_on_another_commune_nor_change_its_rules()
    {
        var outside = await _harness.Commands.SaveRuleAsync(MaireChelles, null, WarningOwnerKind.Organisation,
            new("Guichen", WarningRuleKind.NewIncident, WarningSamples.Guichen, false));
        Assert.Contains("hors du périmètre", outside.Refusal);
        var guichensRule = (await _harness.Queries.RulesAsync(MaireGuichen)).First();
        var edit = await _harness.Commands.SaveRuleAsync(MaireChelles, guichensRule.Id, WarningOwnerKind.Organisation,
            guichensRule.Settings with { Territory = WarningSamples.Chelles });
        Assert.Equal("Règle introuvable.", edit.Refusal);
        Assert.Equal("Règle introuvable.", (await _harness.Commands.DeleteRuleAsync(MaireChelles, guichensRule.Id)).Refusal);
        Assert.Equal(4, (await _harness.Queries.RulesAsync(MaireGuichen)).Count); // the mayor's four default rules
        Assert.DoesNotContain(await _harness.Queries.RulesAsync(MaireChelles), r => r.OwnerCode.Contains("35126"));
    }

    [Fact]
    public async Task A_person_keeps_rules_of_their_own_next_to_the_mairies()
    {
        var own = await _harness.Commands.SaveRuleAsync(MaireChelles, null, WarningOwnerKind.Person,
            new("Feux à Chelles", WarningRuleKind.NewIncident, WarningSamples.Chelles, false, NatureFamilies: ["C04"]));
        Assert.True(own.Done, own.Refusal);
        var mine = await _harness.Queries.RulesAsync(MaireChelles);
        Assert.Equal(5, mine.Count); // four of the mairie, one of their own
        Assert.DoesNotContain(await _harness.Queries.RulesAsync(AdjointChelles), r => r.Name == "Feux à Chelles");
        Assert.True((await _harness.Commands.SetQuietHoursAsync(MaireChelles, new QuietHours(new(22, 0), new(7, 0)))).Done);
        Assert.Equal("22:00–07:00", (await _harness.Queries.QuietHoursAsync(MaireChelles))!.ToString());
    }
}
