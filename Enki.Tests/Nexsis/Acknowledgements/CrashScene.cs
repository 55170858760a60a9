namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>
/// What the crash tests start Enki processes against, one after the other: a platform listening for
/// acknowledgements and one data folder. Disposed, both go.
/// </summary>
internal sealed class CrashScene : IAsyncDisposable
{
    public AcknowledgementListener Platform { get; } = new();

    public ProcessDatabase Database { get; } = new();

    public Task StartAsync() => Platform.StartAsync();

    /// <summary>A process on the shared folder, taking pushes under <paramref name="key"/>, acknowledging to the platform, without simulator or demo.</summary>
    public Dictionary<string, string> Settings(string key) => new()
    {
        ["Enki__DataPath"] = Database.DataPath,
        ["Enki__Nexsis__InboundApiKey"] = key,
        ["Enki__Nexsis__AcknowledgementUrl"] = Platform.Address.ToString(),
        ["Enki__Simulator__Enabled"] = "false",
        ["Enki__Demo__Enabled"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        Database.Dispose();
    }
}
