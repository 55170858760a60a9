using Bunit;
using MudBlazor.Services;

namespace Enki.Tests.Support;

/// <summary>bUnit context with MudBlazor's services; disposed asynchronously as MudBlazor requires.</summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
