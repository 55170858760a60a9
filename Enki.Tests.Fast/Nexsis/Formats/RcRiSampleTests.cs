using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>The official RC-RI series 02 to 05 of the Guichen fire, field by field.</summary>
public class RcRiSampleTests
{
    private const string CaseId = "fr.fire.CGA_national.SC-20240813-CGA_national-AT517";

    [Theory]
    [InlineData("02", "DECLENCHE", 24)]
    [InlineData("03", "DEPART", 28)]
    [InlineData("04", "DEPART", 28)]
    [InlineData("05", "DEPART", 28)]
    public void The_vsr_moves_through_its_statuses(string step, string status, int minute)
    {
        var reported = Single<ResourcesReported>($"official/hub-json/RC-RI_Incendie_RaymondeLECCIA.{step}.json");

        Assert.Equal(CaseId, reported.CaseId);
        var vsr = reported.Resources[0];
        Assert.Equal("fr.fire.sisXXX.cga-XXX.resource.VSR268", vsr.ResourceId);
        Assert.Equal("VSR-Rea3", vsr.Name);
        Assert.Equal("SIS", vsr.VehicleType);
        Assert.Equal("fr.fire.sisXXX.cgo-XXX", vsr.OrganisationId);
        Assert.Equal("Equipe FEU 3", vsr.TeamName);
        Assert.Equal("MED", vsr.MedicalLevel);
        Assert.Equal(At(2026, 3, 13, 10, 23, 0, 2), vsr.EngagedAt);
        Assert.Equal(new ResourceState(status, At(2026, 3, 13, 10, minute, 0, 2), false), vsr.State);
        Assert.Equal(new ResourcePosition(new GeoCoordinate(48.84532, 2.31559), At(2026, 3, 13, 10, minute, 0, 2)), vsr.Position);
    }

    [Fact]
    public void Status_labels_come_from_the_embedded_list()
    {
        Assert.Equal("Déclenché", Single<ResourcesReported>("official/hub-json/RC-RI_Incendie_RaymondeLECCIA.02.json").Resources[0].State.StatusLabel);
        Assert.Equal("Parti", Single<ResourcesReported>("official/hub-json/RC-RI_Incendie_RaymondeLECCIA.03.json").Resources[0].State.StatusLabel);
    }

    [Fact]
    public void Step_04_adds_a_free_text()
    {
        var vsr = Single<ResourcesReported>("official/hub-json/RC-RI_Incendie_RaymondeLECCIA.04.json").Resources[0];

        Assert.Equal(["Véhicule VSR"], vsr.Notes);
    }

    [Fact]
    public void Step_05_adds_a_vsav_without_position()
    {
        var reported = Single<ResourcesReported>("official/hub-json/RC-RI_Incendie_RaymondeLECCIA.05.json");

        Assert.Equal(2, reported.Resources.Count);
        var vsav = reported.Resources[1];
        Assert.Equal("fr.fire.sisXXX.cga-XXX.resource.VSAV1", vsav.ResourceId);
        Assert.Equal("VSAV 1", vsav.Name);
        Assert.Equal("Equipe VSAV 1", vsav.TeamName);
        Assert.Equal(At(2026, 3, 13, 10, 30, 0, 2), vsav.EngagedAt);
        Assert.Equal(new ResourceState("DECLENCHE", At(2026, 3, 13, 10, 30, 0, 2), false), vsav.State);
        Assert.Null(vsav.Position);
        Assert.Empty(vsav.Notes);
    }
}
