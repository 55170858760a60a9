using Enki.Domain.Vigilance;

namespace Enki.Tests.Vigilance;

public sealed class VigilanceIntakeTests
{
    [Fact]
    public async Task The_job_reads_both_maps_through_the_resilience_pipeline_after_a_503_and_stores_every_vigilance()
    {
        await using var source = await new VigilanceSourceStub { FailFirst = 1 }.StartAsync();
        await using var harness = await new VigilanceHarness(source).InitializeAsync();

        // The resilience pipeline waits on Enki's clock: moved on while the job waits for its retry.
        var run = harness.Job.RunAsync(CancellationToken.None);
        while (!run.IsCompleted)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        var changes = await run;

        // Refused once (503), read at the retry, with the key of the settings.
        Assert.Equal(2, source.MeteoFranceRequests);
        Assert.Equal("cle-de-test", source.LastApiKey);
        // 8 Météo-France readings and 2 river sections (the one without a level left out).
        Assert.Equal(10, (await harness.StoredAsync()).Count);
        Assert.Equal(7, changes);
        Assert.Equal(
        [
            "Vent violent orange (35), avant vert",
            "Pluie-inondation jaune (35), avant vert",
            "Vagues-submersion orange (35), avant vert",
            "Vent violent jaune (77), avant vert",
            "Vent violent rouge (35) demain, avant vert",
            "Crues orange : Marne à Chelles (77), avant vert",
            "Crues jaune : Vilaine à Guichen (35), avant vert",
        ], await harness.ChangesAsync());
    }

    [Fact]
    public async Task A_second_reading_records_only_what_changed_and_a_section_no_longer_listed_goes_back_to_green()
    {
        await using var source = await new VigilanceSourceStub().StartAsync();
        await using var harness = await new VigilanceHarness(source).InitializeAsync();
        await harness.Job.RunAsync(CancellationToken.None);

        source.MeteoFranceDocument = VigilanceSamples.MeteoFrance.Replace("\"phenomenon_id\": \"2\", \"phenomenon_max_color_id\": 2", "\"phenomenon_id\": \"2\", \"phenomenon_max_color_id\": 3");
        source.VigicruesDocument = VigilanceSamples.Vigicrues.Replace("\"CdEntCru\": \"MA7\"", "\"CdEntCru\": \"MA8\"");
        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        var changes = await harness.Job.RunAsync(CancellationToken.None);

        Assert.Equal(3, changes);
        Assert.Equal(
        [
            "Pluie-inondation orange (35), avant jaune",
            "Crues orange : Marne à Chelles (77), avant vert",
            "Crues vert : Marne à Chelles (77), avant orange",
        ], (await harness.ChangesAsync()).Skip(7).ToList());
    }

    [Fact]
    public async Task A_malformed_document_is_kept_in_quarantine_with_its_reason_and_changes_nothing()
    {
        await using var source = await new VigilanceSourceStub { MeteoFranceDocument = VigilanceSamples.MeteoFranceMalformed }.StartAsync();
        await using var harness = await new VigilanceHarness(source).InitializeAsync();

        await harness.Job.ReadAsync(VigilanceSource.MeteoFrance, CancellationToken.None);

        var kept = Assert.Single(await harness.QuarantineAsync());
        Assert.Equal(VigilanceSource.MeteoFrance, kept.Source);
        Assert.Equal("Couleur hors de 1 à 4 pour le phénomène 1 de « 35 ».", kept.Reason);
        Assert.Equal(VigilanceSamples.MeteoFranceMalformed, kept.Payload);
        Assert.Equal(harness.Clock.GetUtcNow(), kept.ReceivedAt);
        Assert.Empty(await harness.StoredAsync());
    }

    [Fact]
    public async Task Each_viewer_sees_the_vigilance_of_their_own_territory_only()
    {
        await using var source = await new VigilanceSourceStub().StartAsync();
        await using var harness = await new VigilanceHarness(source).InitializeAsync();
        await harness.Job.RunAsync(CancellationToken.None);

        // Today only, green left out, the most serious first.
        Assert.Equal(["Crues orange : Marne à Chelles (77)", "Vent violent jaune (77)"],
            (await harness.Queries.CurrentAsync(VigilanceHarness.MaireChelles)).Select(v => v.Words));
        Assert.Equal(["Vagues-submersion orange (35)", "Vent violent orange (35)", "Crues jaune : Vilaine à Guichen (35)", "Pluie-inondation jaune (35)"],
            (await harness.Queries.CurrentAsync(VigilanceHarness.MaireGuichen)).Select(v => v.Words));
        Assert.Equal(["Crues orange : Marne à Chelles (77)", "Vent violent jaune (77)"],
            (await harness.Queries.CurrentAsync(VigilanceHarness.Prefecture77)).Select(v => v.Words));
        Assert.Equal(new Dictionary<string, VigilanceColour> { ["77"] = VigilanceColour.Orange },
            await harness.Queries.DepartmentColoursAsync(VigilanceHarness.MaireChelles));
    }
}
