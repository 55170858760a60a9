using System.Collections.Concurrent;
using Enki.Infrastructure.Live;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enki.Tests.Live;

/// <summary>How a live screen's failures are logged: a circuit gone is normal, a real failure a warning that cannot flood.</summary>
public sealed class ScreenDeliveryTests
{
    private readonly RecordingLogger _logger = new();

    // Each test its own kind: warnings are held back per kind for the whole process.
    private readonly string _what = "a test value " + Guid.NewGuid().ToString("N");

    [Fact]
    public void A_circuit_that_went_away_is_logged_at_debug_only()
    {
        ScreenDelivery.Failed(_logger, new ObjectDisposedException("Renderer"), _what);
        ScreenDelivery.Failed(_logger, new JSDisconnectedException("gone"), _what);
        ScreenDelivery.Failed(_logger, new TaskCanceledException(), _what);

        Assert.Equal([LogLevel.Debug, LogLevel.Debug, LogLevel.Debug], _logger.Levels);
    }

    [Fact]
    public void A_real_failure_is_a_warning_once_per_interval_however_many_screens_fail()
    {
        for (var screen = 0; screen < 200; screen++)
        {
            ScreenDelivery.Failed(_logger, new InvalidOperationException("broken screen"), _what);
        }

        Assert.Equal([LogLevel.Warning], _logger.Levels);
    }

    [Fact]
    public async Task A_screen_that_throws_never_reaches_the_caller_and_is_logged()
    {
        var thrown = new TaskCompletionSource();
        ScreenDelivery.Start<int>(_ =>
        {
            thrown.SetResult();
            throw new InvalidOperationException("broken screen");
        }, 1, _logger, _what);

        await thrown.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_logger.Levels.Count == 0 && DateTime.UtcNow < deadline) await Task.Yield();
        Assert.Equal([LogLevel.Warning], _logger.Levels);
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly ConcurrentQueue<LogLevel> _levels = new();

        public IReadOnlyList<LogLevel> Levels => [.. _levels];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _levels.Enqueue(logLevel);
    }
}
