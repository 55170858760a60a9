using System.Text;
using System.Text.Json;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>
/// RC-REF owed by the stream from the commit of their case, posted by the durable handler until the
/// platform confirms, under one id per distribution whatever the number of sends.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class AcknowledgementHandlerTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly AcknowledgementListener _platform = new();
    private IntakeHarness _intake = null!;

    public async Task InitializeAsync()
    {
        await _platform.StartAsync();
        _intake = new IntakeHarness(geography.Geography, services =>
        {
            services.Configure<NexsisOptions>(o => o.AcknowledgementUrl = _platform.Address.ToString());
        }, realClock: true);
        await _intake.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _platform.DisposeAsync();
    }

    private AcknowledgementEnvelope Envelope => _intake.Services.GetRequiredService<AcknowledgementEnvelope>();

    private Task DeliverAsync() => _intake.Dispatcher.DrainAsync();

    /// <summary>The handler's stored position; null before it confirmed anything.</summary>
    private Task<long?> PositionAsync() => _intake.QueryAsync(db =>
        db.EventHandlerPositions.Where(p => p.Handler == "nexsis-acquittements").Select(p => (long?)p.Position).SingleOrDefaultAsync());

    private Task<long> HeadAsync() => _intake.QueryAsync(db => db.Set<EventStreamHead>().Select(h => h.LastSequence).SingleAsync());

    [Fact]
    public async Task Each_case_distribution_owes_one_acknowledgement_addressed_to_its_sender_and_readable_as_an_RC_REF()
    {
        await _intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.ACK-1"));
        await _intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.ACK-2", status: "Exercise"));
        await _intake.PushAsync(Resource("fr.fire.sis077.cga-077.ACK-1", "fr.fire.sis077.resource.VSAV1", "DEPART", T0.AddMinutes(2)));
        await _intake.DrainAsync();

        var owed = await _intake.OwedAcknowledgementsAsync();
        Assert.Equal(2, owed.Count); // the resources report acknowledges nothing
        Assert.All(owed, o => Assert.StartsWith("dist-create-", o.DistributionId));
        Assert.All(owed, o => Assert.False(o.Again));
        Assert.Empty(_platform.Received); // owed in the stream, sent only when the stream is delivered

        var exercise = owed.Single(o => o.DistributionId.Contains("ACK-2"));
        var payload = Envelope.Envelope(exercise, exercise.OccurredAt);
        using var envelope = JsonDocument.Parse(payload);
        var root = envelope.RootElement;
        var deliveryId = Envelope.DeliveryIdOf(exercise.DistributionId);
        Assert.Equal(deliveryId, root.GetProperty("distributionID").GetString());
        Assert.StartsWith("fr.state.enki_", deliveryId);
        Assert.NotEqual(deliveryId, Envelope.DeliveryIdOf(owed.Single(o => o.DistributionId.Contains("ACK-1")).DistributionId));
        Assert.Equal("Ack", root.GetProperty("distributionKind").GetString());
        Assert.Equal("Exercise", root.GetProperty("distributionStatus").GetString());
        Assert.Equal("fr.fire.sis077.cga-077", root.GetProperty("descriptor").GetProperty("explicitAddress").GetProperty("explicitAddressValue").GetString());
        var reference = root.GetProperty("content")[0].GetProperty("jsonContent").GetProperty("embeddedJsonContent").GetProperty("message").GetProperty("reference");
        Assert.Equal(exercise.DistributionId, reference.GetProperty("distributionID").GetString());
        Assert.Equal("INTEGRE", reference.GetProperty("step").GetString());

        // The platform's reader (the simulator's) reads what Enki sends as an RC-REF.
        var read = Assert.IsType<NexsisReadSuccess>(_intake.Services.GetRequiredService<NexsisMessageReader>().Read(Encoding.UTF8.GetBytes(payload)));
        Assert.Equal(deliveryId, read.Distribution.DistributionId);
        Assert.Equal(exercise.DistributionId, Assert.IsType<AcknowledgementReceived>(Assert.Single(read.Messages)).AcknowledgedDistributionId);

        await DeliverAsync();
        Assert.Equal(owed.Select(o => new ReceivedAcknowledgement(Envelope.DeliveryIdOf(o.DistributionId), o.DistributionId)).OrderBy(r => r.AcknowledgementId),
            _platform.Received.OrderBy(r => r.AcknowledgementId));
    }

    [Fact]
    public async Task An_acknowledgement_is_delivered_once_confirmed_and_a_distribution_resent_after_it_is_owed_and_sent_again_with_the_same_id()
    {
        var payload = CreateCase("fr.fire.sis077.cga-077.ACK-3");
        await _intake.PushAsync(payload);
        await _intake.DrainAsync();

        await DeliverAsync();
        var first = Assert.Single(_platform.Received);
        Assert.Equal(Envelope.DeliveryIdOf(first.AcknowledgedDistributionId), first.AcknowledgementId);
        Assert.Equal(await HeadAsync(), await PositionAsync());

        // Delivered again, the stream holds nothing more for it: the platform confirmed.
        await DeliverAsync();
        Assert.Single(_platform.Received);

        // The sender saw no acknowledgement (lost on the way back) and sends the distribution again: « doublon », owed again.
        var resent = await _intake.PushAsync(payload);
        Assert.True(resent.Duplicate);
        var owed = await _intake.OwedAcknowledgementsAsync();
        Assert.Equal(2, owed.Count);
        Assert.True(owed[^1].Again);
        Assert.Equal(first.AcknowledgedDistributionId, owed[^1].DistributionId);
        await DeliverAsync();

        Assert.Equal(2, _platform.Received.Count);
        Assert.All(_platform.Received, r => Assert.Equal(first, r));
        Assert.Equal(await HeadAsync(), await PositionAsync());
    }

    [Fact]
    public async Task While_the_platform_refuses_the_handler_fails_without_moving_and_delivers_everything_with_the_same_ids_when_it_answers()
    {
        for (var i = 0; i < 5; i++)
        {
            await _intake.PushAsync(CreateCase($"fr.fire.sis077.cga-077.ACK-DOWN-{i}"));
        }
        await _intake.DrainAsync();
        var owed = await _intake.OwedAcknowledgementsAsync();
        Assert.Equal(5, owed.Count);

        _platform.Available = false;
        var failure = await Assert.ThrowsAsync<AcknowledgementsNotDeliveredException>(DeliverAsync);
        Assert.Contains("5 acquittement(s)", failure.Message);
        Assert.Equal(0, await PositionAsync() ?? 0); // nothing confirmed: everything stays owed to it (the row may hold only its lease)
        Assert.Empty(_platform.Received);

        _platform.Available = true;
        await DeliverAsync();

        Assert.Equal(owed.Select(o => Envelope.DeliveryIdOf(o.DistributionId)).Order(), _platform.Received.Select(r => r.AcknowledgementId).Order());
        Assert.Equal(await HeadAsync(), await PositionAsync());
    }

    [Fact]
    public async Task Acknowledgements_to_the_simulator_s_relative_address_wait_until_the_server_listens_then_go()
    {
        // The dispatcher starts on its own thread, possibly before Kestrel listens: the address then resolves to nothing yet.
        await using var intake = new IntakeHarness(geography.Geography, services =>
        {
            services.Configure<NexsisOptions>(o => o.AcknowledgementUrl = _platform.Address.AbsolutePath);
        }, realClock: true);
        await intake.InitializeAsync();
        await intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.ACK-EARLY"));
        await intake.DrainAsync();

        await intake.Dispatcher.DrainAsync();
        Assert.Empty(_platform.Received);

        var listening = new ServerAddressesFeature();
        listening.Addresses.Add(_platform.Address.GetLeftPart(UriPartial.Authority));
        intake.Services.GetRequiredService<IServer>().Features.Set<IServerAddressesFeature>(listening);
        await intake.Dispatcher.DrainAsync();

        Assert.Equal("dist-create-fr.fire.sis077.cga-077.ACK-EARLY-" + T0.ToUnixTimeSeconds(), Assert.Single(_platform.Received).AcknowledgedDistributionId);
    }
}
