using Enki.Domain.Vigilance;
using Enki.Infrastructure.Vigilance;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Enki.Application.Vigilance;

/// <summary>
/// Every 15 minutes (<c>Enki:Vigilance:Interval</c>): reads Météo-France's and Vigicrues' maps through the resilient
/// client and applies them. A source that does not answer is logged and tried at the next run; a document that
/// cannot be read goes to quarantine with its reason; an unknown phenomenon or area is kept and logged.
/// </summary>
public sealed class VigilanceJob(
    VigilanceFeed feed, MeteoFranceVigilanceReader meteoFrance, VigicruesReader vigicrues, VigilanceIntake intake, TimeProvider clock,
    ILogger<VigilanceJob> logger)
{
    public const string RecurringId = "vigilance";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var changes = 0;
        foreach (var source in feed.Configured())
        {
            changes += await ReadAsync(source, cancellationToken);
        }
        return changes;
    }

    /// <summary>One source: fetched, read, applied. Returns how many vigilances changed colour.</summary>
    public async Task<int> ReadAsync(VigilanceSource source, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await feed.FetchAsync(source, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                     || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Vigilance {Source} unreachable; next attempt at the next run", source);
            return 0;
        }
        VigilanceDocument document;
        try
        {
            document = source == VigilanceSource.MeteoFrance ? meteoFrance.Read(text) : vigicrues.Read(text, clock.GetUtcNow());
        }
        catch (VigilanceDocumentRejected rejected)
        {
            logger.LogWarning("Vigilance {Source} document quarantined: {Reason}", source, rejected.Message);
            await intake.QuarantineAsync(source, rejected.Message, text, cancellationToken);
            return 0;
        }
        foreach (var unknown in document.Unknowns)
        {
            logger.LogInformation("Vigilance {Source}: {Unknown} (kept under its own code)", source, unknown);
        }
        return await intake.ApplyAsync(source, document.Readings, cancellationToken);
    }
}
