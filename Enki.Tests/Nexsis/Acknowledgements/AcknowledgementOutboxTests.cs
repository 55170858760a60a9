using System.Text.Json;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Outbound;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>RC-REF owed from the commit of their case, delivered until the platform confirms, under one id per distribution.</summary>
[Collection(GeographyCollection.Name)]
public sealed class AcknowledgementOutboxTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly AcknowledgementListener _platform = new();
    private IntakeHarness _intake = null!;

    public async Task InitializeAsync()
    {
        await _platform.StartAsync();
        _intake = new IntakeHarness(geography.Geography,
            services => services.Configure<NexsisOptions>(o => o.AcknowledgementUrl = _platform.Address.ToString()), realClock: true);
        await _intake.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _platform.DisposeAsync();
    }

    private AcknowledgementDispatchJob Dispatcher => _intake.Services.GetRequiredService<AcknowledgementDispatchJob>();

    private Task<List<OutboundMessage>> OwedAsync() =>
        _intake.QueryAsync(db => db.OutboundMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

    [Fact]
    public async Task Each_case_distribution_owes_one_acknowledgement_recorded_with_its_case_and_addressed_to_its_sender()
    {
        await _intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.ACK-1"));
        await _intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.ACK-2", status: "Exercise"));
        await _intake.PushAsync(Resource("fr.fire.sis077.cga-077.ACK-1", "fr.fire.sis077.resource.VSAV1", "DEPART", T0.AddMinutes(2)));
        await _intake.DrainAsync();

        var owed = await OwedAsync();
        Assert.Equal(2, owed.Count); // the resources report acknowledges nothing
        Assert.All(owed, m => Assert.Null(m.DeliveredAt));
        var outbox = _intake.Services.GetRequiredService<AcknowledgementOutbox>();
        var exercise = owed.Single(m => m.Subject.Contains("ACK-2"));
        using var envelope = JsonDocument.Parse(exercise.Payload);
        var root = envelope.RootElement;
        Assert.Equal(outbox.DeliveryIdOf(exercise.Subject), root.GetProperty("distributionID").GetString());
        Assert.Equal(exercise.DeliveryId, root.GetProperty("distributionID").GetString());
        Assert.StartsWith("fr.state.enki_", exercise.DeliveryId);
        Assert.Equal("Ack", root.GetProperty("distributionKind").GetString());
        Assert.Equal("Exercise", root.GetProperty("distributionStatus").GetString());
        Assert.Equal("fr.fire.sis077.cga-077", root.GetProperty("descriptor").GetProperty("explicitAddress").GetProperty("explicitAddressValue").GetString());
        var reference = root.GetProperty("content")[0].GetProperty("jsonContent").GetProperty("embeddedJsonContent").GetProperty("message").GetProperty("reference");
        Assert.Equal(exercise.Subject, reference.GetProperty("distributionID").GetString());
        Assert.Equal("INTEGRE", reference.GetProperty("step").GetString());

        // The platform's reader (the simulator's) reads what Enki sends as an RC-REF.
        var read = Assert.IsType<Enki.Infrastructure.Nexsis.Formats.NexsisReadSuccess>(
            _intake.Services.GetRequiredService<Enki.Infrastructure.Nexsis.Formats.NexsisMessageReader>().Read(System.Text.Encoding.UTF8.GetBytes(exercise.Payload)));
        Assert.Equal(exercise.DeliveryId, read.Distribution.DistributionId);
        Assert.Equal(exercise.Subject, Assert.IsType<Enki.Domain.Intake.AcknowledgementReceived>(Assert.Single(read.Messages)).AcknowledgedDistributionId);
    }

    [Fact]
    public async Task Owed_acknowledgements_are_delivered_once_confirmed_and_a_resent_distribution_gets_the_same_id_again()
    {
        var payload = CreateCase("fr.fire.sis077.cga-077.ACK-3");
        await _intake.PushAsync(payload);
        await _intake.DrainAsync();

        await Dispatcher.RunAsync(CancellationToken.None);

        var first = Assert.Single(_platform.Received);
        var delivered = Assert.Single(await OwedAsync());
        Assert.NotNull(delivered.DeliveredAt);
        Assert.Equal(1, delivered.Attempts);

        // A second run sends nothing: the platform confirmed it.
        await Dispatcher.RunAsync(CancellationToken.None);
        Assert.Single(_platform.Received);

        // The sender saw no acknowledgement (lost on the way back) and sends the distribution again: « doublon », and the same RC-REF again.
        var resent = await _intake.PushAsync(payload);
        Assert.True(resent.Duplicate);
        Assert.Null(Assert.Single(await OwedAsync()).DeliveredAt);
        await Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(2, _platform.Received.Count);
        Assert.All(_platform.Received, r => Assert.Equal(first, r));
    }

    [Fact]
    public async Task Acknowledgements_stay_owed_while_the_platform_refuses_and_go_out_in_order_when_it_answers()
    {
        for (var i = 0; i < 5; i++)
        {
            await _intake.PushAsync(CreateCase($"fr.fire.sis077.cga-077.ACK-DOWN-{i}"));
        }
        await _intake.DrainAsync();

        _platform.Available = false;
        await Assert.ThrowsAsync<AcknowledgementsNotDeliveredException>(() => Dispatcher.RunAsync(CancellationToken.None));

        var owed = await OwedAsync();
        Assert.Equal(5, owed.Count);
        Assert.All(owed, m =>
        {
            Assert.Null(m.DeliveredAt);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("503", m.LastError);
        });

        _platform.Available = true;
        await Dispatcher.RunAsync(CancellationToken.None);

        Assert.All(await OwedAsync(), m => Assert.NotNull(m.DeliveredAt));
        Assert.Equal(owed.Select(m => m.DeliveryId).Order(), _platform.Received.Select(r => r.AcknowledgementId).Order());
    }
}
