namespace Enki.Tests.Support;

/// <summary>
/// One Enki host for every test of a class (an xunit class fixture): started once before the first test,
/// disposed after the last. The tests that share it bring their own data (their own crisis, request or
/// invitation) and never count what another test may have added.
/// </summary>
public abstract class SharedHost(EnkiWebApplicationFactory app, bool kestrel = false) : IAsyncLifetime
{
    public EnkiWebApplicationFactory App { get; } = app;

    /// <summary>The loopback address when the host runs on a real Kestrel port.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        if (kestrel) BaseAddress = App.StartKestrel();
        else App.CreateClient().Dispose(); // starts the test server
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
