using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningSamples;

namespace Enki.Tests.Warnings;

public sealed class DeliveryRetryTests
{
    private static readonly WarningRule Urgent = VictimsRule(MairieChelles, Chelles, true, new VictimThreshold(VictimCategory.Red, 1));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(40, 60)]
    public void The_wait_doubles_from_a_minute_and_never_exceeds_an_hour(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DeliveryRetry.Delay(failedAttempts));

    [Fact]
    public void A_failed_delivery_waits_its_backoff_then_is_abandoned_after_eight_attempts()
    {
        var warning = Raised(Urgent, new WarningAccount("maire", "Maire de Chelles"));
        var delivery = warning.Deliveries.Single();
        var at = Now;

        warning.MarkFailed(delivery.Id, "Passerelle SMS : 503", at);
        Assert.Equal((DeliveryState.Failed, 1, Now.AddMinutes(1)), (delivery.State, delivery.Attempts, delivery.NextAttemptAt));
        Assert.Equal("Passerelle SMS : 503", delivery.LastError);

        // Attempts 2 to 7 fail at their due time: 1 + 2 + 4 + 8 + 16 + 32 minutes after the first failure.
        for (var attempt = 2; attempt <= 7; attempt++)
        {
            at = delivery.NextAttemptAt!.Value;
            warning.MarkFailed(delivery.Id, "Passerelle SMS : 503", at);
        }
        Assert.Equal((DeliveryState.Failed, 7, Now.AddMinutes(63 + 60)), (delivery.State, delivery.Attempts, delivery.NextAttemptAt));

        warning.MarkFailed(delivery.Id, "Passerelle SMS : 503", delivery.NextAttemptAt!.Value);
        Assert.Equal((DeliveryState.GaveUp, 8, (DateTimeOffset?)null), (delivery.State, delivery.Attempts, delivery.NextAttemptAt));
        Assert.False(delivery.Can(DeliveryAction.Send));
        Assert.Equal("Abandonnée", delivery.State.French());
    }

    [Fact]
    public void A_retry_that_succeeds_clears_the_error_and_the_next_attempt()
    {
        var warning = Raised(Urgent, new WarningAccount("maire", "Maire de Chelles"));
        var delivery = warning.Deliveries.Single();
        warning.MarkFailed(delivery.Id, "délai dépassé", Now);
        warning.MarkSent(delivery.Id, Now.AddMinutes(1));
        Assert.Equal((DeliveryState.Sent, 2, null, (DateTimeOffset?)null), (delivery.State, delivery.Attempts, delivery.LastError, delivery.NextAttemptAt));
    }
}
