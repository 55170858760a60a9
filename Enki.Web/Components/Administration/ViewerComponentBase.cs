using Enki.Domain.Access;
using Enki.Web.Live;
using Microsoft.AspNetCore.Components;

namespace Enki.Web.Components.Administration;

/// <summary>
/// Pages that query on behalf of the signed-in person: the <see cref="Viewer"/> every query service
/// takes, resolved against the store at each call (never kept from when the page opened).
/// </summary>
public abstract class ViewerComponentBase : ComponentBase
{
    [Inject] private CircuitPrincipal Principal { get; set; } = default!;

    protected Task<Viewer> ViewerAsync() => Principal.ViewerAsync();

    /// <summary>A live subscription that ends with the session (disabled account, changed access, sign-out).</summary>
    protected IDisposable Guard(IDisposable feed) => Principal.Guard(feed);
}
