using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Warnings;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings;

/// <summary>A channel that fails: retried with backoff from the stored next attempt, abandoned after the last, listed for administrators only.</summary>
public sealed class WarningDeliveryFailureTests : IAsyncLifetime
{
    private static readonly Viewer Administrator = new("admin-id", "Administratrice", Profile.Administrator, Jurisdiction.National);

    private readonly FailingMail _mail = new();
    private readonly WarningsHarness _harness;

    public WarningDeliveryFailureTests() => _harness = new((services, _) => services.AddSingleton<IWarningChannel>(_mail));

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_failing_channel_is_retried_after_1_2_4_minutes_and_so_on_then_abandoned_after_8_attempts()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        Assert.Equal(2, _mail.Calls); // the mayor and the deputy
        var failed = Emails(await _harness.WarningsAsync());
        Assert.All(failed, d => Assert.Equal((DeliveryState.Failed, 1, WarningSamples.Now.AddMinutes(1), "SMTP injoignable"),
            (d.State, d.Attempts, d.NextAttemptAt, d.LastError)));

        Assert.Equal(0, await _harness.NewRelay().DeliverPendingAsync()); // not due yet
        Assert.Equal(2, _mail.Calls);

        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.NewRelay().DeliverPendingAsync();
        Assert.Equal(4, _mail.Calls);
        Assert.All(Emails(await _harness.WarningsAsync()), d => Assert.Equal((2, WarningSamples.Now.AddMinutes(3)), (d.Attempts, d.NextAttemptAt)));

        // Attempts 3 to 8 at their due times: 4, 8, 16, 32, 60 and 60 minutes apart.
        foreach (var wait in new[] { 2, 4, 8, 16, 32, 60 })
        {
            _harness.Clock.Advance(TimeSpan.FromMinutes(wait));
            await _harness.NewRelay().DeliverPendingAsync();
        }
        Assert.Equal(16, _mail.Calls);
        Assert.All(Emails(await _harness.WarningsAsync()), d => Assert.Equal((DeliveryState.GaveUp, 8, (DateTimeOffset?)null), (d.State, d.Attempts, d.NextAttemptAt)));

        _harness.Clock.Advance(TimeSpan.FromHours(3));
        await _harness.NewRelay().DeliverPendingAsync();
        Assert.Equal(16, _mail.Calls);
    }

    [Fact]
    public async Task Administrators_see_who_failed_on_which_channel_and_why_mayors_see_nothing()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        var failures = _harness.Get<WarningDeliveryFailures>();

        var listed = await failures.LatestAsync(Administrator);
        Assert.Equal(
            [("Adjointe de Chelles", WarningChannel.Email, DeliveryState.Failed, "SMTP injoignable", 1), ("Maire de Chelles", WarningChannel.Email, DeliveryState.Failed, "SMTP injoignable", 1)],
            listed.Select(f => (f.UserName, f.Channel, f.State, f.Error, f.Attempts)).OrderBy(f => f.UserName));
        Assert.Empty(await failures.LatestAsync(MaireGuichen));
        Assert.Empty(await failures.LatestAsync(MaireChelles));
        Assert.Empty(await failures.LatestAsync(Prefecture77));
    }

    private static List<WarningDelivery> Emails(IEnumerable<Warning> warnings) =>
        warnings.Single().Deliveries.Where(d => d.Channel == WarningChannel.Email).ToList();

    private sealed class FailingMail : IWarningChannel
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public WarningChannel Channel => WarningChannel.Email;

        public bool Interrupts => false;

        public Task SendAsync(WarningMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("SMTP injoignable");
        }
    }
}
