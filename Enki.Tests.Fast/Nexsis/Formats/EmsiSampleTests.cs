using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>The official EMSI samples (global operation OPG, request for assistance RDC), field by field.</summary>
public class EmsiSampleTests
{
    private const string Opg = "official/hub-json/EMSI-OPG-message.json";
    private const string Rdc = "official/hub-json/EMSI-RDC-message.json";
    private static readonly GeoCoordinate Celestins = new(45.760169, 4.830608, 168);

    [Fact]
    public void A_bare_emsi_takes_its_distribution_from_the_context()
    {
        var distribution = ReadSuccess(Opg).Distribution;

        Assert.Equal(
            new InboundDistribution("d350c9d2-9d76-4568-b0b7-a747ffadc949", "fr.health.samu690", At(2024, 1, 9, 16, 0, 0, 1),
                TrafficKind.Actual, "UPDATE", PayloadFormat.HubJson),
            distribution);
    }

    [Fact]
    public void Opg_sample_maps_event_triage_and_evacuation()
    {
        var situation = Single<SituationUpdated>(Opg);

        Assert.Equal("fr.health.samu690.DRFR15690240430050", situation.CaseId);
        Assert.Equal("DRFR15690240430050", situation.LocalEventId);
        Assert.Equal("d350c9d2-9d76-4568-b0b7-a747ffadc949", situation.MessageId);
        Assert.Equal("SAMU 69", situation.OriginName);
        Assert.Equal("Gène de plus en plus importante à la circulation, risque accident", situation.ContextText);
        Assert.Equal("Incident sur voix cyclable", situation.EventName);
        Assert.Equal(EmsiEventStatus.InProgress, situation.Status);
        Assert.Equal(2, situation.Scale);
        Assert.Equal(95, situation.Certainty);
        Assert.Equal(At(2024, 1, 9, 16, 1, 0, 1), situation.DeclaredAt);
        Assert.Equal(At(2024, 1, 9, 16, 0, 0, 1), situation.OccurredAt);
        Assert.Equal(At(2024, 1, 9, 16, 4, 0, 1), situation.ObservedAt);
        Assert.Equal("STABLE", situation.RiskAssessment);
        Assert.Equal("ACC", situation.Cause);
        Assert.Equal(["TRP/COL"], situation.Categories);

        var triage = Assert.Single(situation.Casualties);
        Assert.Equal(new TriageCount("REQ_ACTION", At(2024, 1, 9, 16, 1, 0, 1), 0, 1, 1, 0, 0, 0), triage);
        Assert.Equal(0, triage.Deceased);
        Assert.Equal(new EvacuationCount(null, 0, 0), Assert.Single(situation.Evacuations));

        var position = Assert.Single(situation.Positions);
        Assert.Equal("111fb03a-6fd9-41e0-8e81-990c45188887", position.LocationId);
        Assert.Equal("Quai des Célestins", position.Name);
        Assert.Equal("POINT", position.Type);
        Assert.Equal([Celestins], position.Coordinates);
        Assert.Equal(["8 Quai des Célestins, Lyon"], position.AddressLines);
        Assert.Equal("GEN/ROUTE", position.GeoType);
        Assert.Equal(At(2024, 1, 9, 16, 10, 0, 1), position.ObservedAt);
    }

    [Fact]
    public void Opg_sample_maps_missions_and_resources()
    {
        var situation = Single<SituationUpdated>(Opg);

        Assert.Equal(2, situation.Missions.Count);
        var operation = situation.Missions[0];
        Assert.Equal(("ABC1YU3457", "SAV/ASC", "#OPERATION_GLOBALE#", "IPR", "fr.fire.cgo690"),
            (operation.Id, operation.Type, operation.Name, operation.Status, operation.OrganisationId));
        Assert.Equal(At(2024, 1, 9, 16, 0, 0, 1), operation.StartAt);
        Assert.Equal(["ABC1YU3458"], operation.ChildMissionIds);
        Assert.Empty(operation.ResourceIds);
        Assert.Equal("BESOIN SECOURISTE / PERSONNE(S) BLESSE(ES)", operation.TypeLabel);
        Assert.Equal([Celestins], operation.Position!.Coordinates);

        var mission = situation.Missions[1];
        Assert.Equal("ABC1YU3458", mission.Id);
        Assert.Equal(["ABC1YU3457"], mission.ParentMissionIds);
        Assert.Equal("ABC1YU3457", mission.MainMissionId);
        Assert.Equal(["77_22245#VSAV2"], mission.ResourceIds);
        Assert.Equal(At(2024, 1, 9, 16, 5, 0, 1), mission.StartAt);

        var resource = Assert.Single(situation.Resources);
        Assert.Equal("77_22245#VSAV2", resource.Id);
        Assert.Equal("VSAV 2 caserne SDIS69", resource.Name);
        Assert.Equal(["MAT/VEH"], resource.Classes);
        Assert.Equal(["AER15M"], resource.Capabilities);
        Assert.Equal("fr.fire.cgo690", resource.OrganisationId);
        Assert.Equal("IN_USE/MOBILE", resource.Status);
        Assert.Equal("Engagé, en déplacement", resource.StatusLabel);
        Assert.Equal(1, resource.Quantity);
        Assert.Equal("LSV", resource.Unit);
        Assert.Equal("IMMATRICULATION#AJ-76-MZ", resource.FreeText);
        Assert.Equal("FR", resource.Nationality);
    }

    [Fact]
    public void Rdc_sample_maps_the_paused_request_and_drops_the_None_address()
    {
        var situation = Single<SituationUpdated>(Rdc);

        Assert.Equal("fr.health.samu690.DRFR15690240430050", situation.CaseId);
        Assert.Equal(At(2023, 11, 3, 11, 10, 6, 1), situation.CreatedAt);
        Assert.Equal(new TriageCount("REQ_ACTION", At(2023, 11, 3, 10, 1, 0, 1), 0, 1, 1, 0, 0, 0), Assert.Single(situation.Casualties));
        Assert.Empty(situation.Resources);

        var request = Assert.Single(situation.Missions);
        Assert.Equal("FSTT/TA", request.Type);
        Assert.Equal("#REPONSE_DEMANDE_CONCOURS#DIFFEREE#", request.Name);
        Assert.Equal("PAU", request.Status);
        Assert.Equal(3, request.Priority);
        Assert.Equal(At(2023, 11, 3, 10, 20, 0, 1), request.StartAt);
        Assert.Equal("Besoin d'assisance terrain pour gérer perturbations et sécuriser le site d'intervention.", request.FreeText);
        Assert.Empty(request.Position!.AddressLines);
        Assert.Equal([Celestins], request.Position.Coordinates);
    }
}
