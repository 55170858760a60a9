using Enki.Application.Mobilisation;
using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Mobilisation;

/// <summary>Requests issued straight through the commands on the real app, as the demo CODIS 77.</summary>
internal static class MobilisationDemo
{
    public static async Task<MobilisationRequest> IssueAsSdis77Async(this EnkiWebApplicationFactory app, MobilisationDraft? draft = null)
    {
        var sdis = await app.ViewerOfAsync("sdis77");
        var outcome = await app.Services.GetRequiredService<MobilisationCommands>()
            .IssueAsync(sdis, draft ?? MobilisationSamples.Draft() with { Deadline = DateTimeOffset.UtcNow.AddHours(2) });
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Request!;
    }
}
