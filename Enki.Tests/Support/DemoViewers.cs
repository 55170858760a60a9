using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Support;

/// <summary>A demo account as the commands and queries take it, read from the running app's store.</summary>
internal static class DemoViewers
{
    public static async Task<Viewer> ViewerOfAsync(this EnkiWebApplicationFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"no account {userName}");
        return new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction);
    }
}
