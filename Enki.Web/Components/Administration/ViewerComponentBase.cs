using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Enki.Web.Components.Administration;

/// <summary>Pages that query on behalf of the signed-in person: the <see cref="Viewer"/> every query service takes.</summary>
public abstract class ViewerComponentBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected async Task<Viewer> ViewerAsync() => (await AuthenticationState).User.ToViewer();
}
