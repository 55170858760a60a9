using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Web.Live;

namespace Enki.Web.Components.Indicators;

/// <summary>
/// Asks an open indicator view to compute again when the incident change feed reports real changes the
/// viewer sees, at most once per <see cref="Window"/> (<see cref="Coalescer"/>: at once after a quiet spell).
/// </summary>
public sealed class IndicatorLive : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private readonly Coalescer _coalescer;
    private readonly IDisposable _subscription;

    /// <param name="covers">Whether a change lies in the view's territory as the viewer sees it.</param>
    public IndicatorLive(IIncidentChangeFeed feed, Func<IncidentChange, bool> covers, Func<Task> recompute, TimeProvider clock, ILogger logger)
    {
        _coalescer = new Coalescer(Window, clock, recompute, logger, "an indicator's recomputation");
        _coalescer.MarkRan();
        _subscription = feed.Subscribe(changes =>
        {
            if (changes.Any(c => !c.IsExercise && covers(c))) _coalescer.Request();
            return ValueTask.CompletedTask;
        });
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _coalescer.Dispose();
    }
}
