using Enki.Application.Mobilisation;
using Enki.Domain.Access;
using Bunit;
using Enki.Domain.Mobilisation;
using Enki.Tests.Support;
using Enki.Web.Components.Mobilisation.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Mobilisation.MobilisationSamples;

namespace Enki.Tests.Mobilisation;

/// <summary>What a card offers and flags, by state, side and clock.</summary>
public sealed class MobilisationCardTests : MudBunitContext
{
    public MobilisationCardTests()
    {
        // Rendering never calls the commands; the buttons only need them injectable.
        Services.AddSingleton(new MobilisationCommands(null!, null!, null!, null!));
        AddAuthorization();
        Services.AddRenderingPrincipal();
    }

    private IRenderedComponent<MobilisationCard> RenderCard(MobilisationRequest request, Enki.Domain.Access.Viewer viewer, DateTimeOffset now) =>
        Render<MobilisationCard>(p => p.Add(c => c.Request, request).Add(c => c.Viewer, viewer).Add(c => c.Now, now)
            .Add(c => c.Side, AccessPolicy.IsRecipient(viewer, request.Recipient) ? MobilisationParty.Recipient : MobilisationParty.Issuer));

    private static string[] Buttons(IRenderedComponent<MobilisationCard> card) =>
        [.. card.FindAll("button[data-action]").Select(b => b.TextContent.Trim())];

    [Fact]
    public void An_unopened_request_offers_the_mayor_one_tap_answers_and_the_issuer_nothing_on_the_card()
    {
        Assert.Equal(["Accepter", "Refuser"], Buttons(RenderCard(At(MobilisationStatus.Issued), MaireChelles, Now)));
        Assert.Empty(Buttons(RenderCard(At(MobilisationStatus.Issued), Sdis77, Now)));
    }

    [Theory]
    [InlineData(MobilisationStatus.Accepted, "Démarrer")]
    [InlineData(MobilisationStatus.InProgress, "Marquer réalisée")]
    public void Work_under_way_offers_the_next_step_only(MobilisationStatus status, string button) =>
        Assert.Equal([button], Buttons(RenderCard(At(status), MaireChelles, Now)));

    [Fact]
    public void A_passed_deadline_is_flagged_red_until_the_request_is_closed()
    {
        var late = RenderCard(At(MobilisationStatus.Accepted), MaireChelles, Now.AddHours(3));
        Assert.Contains("enki-overdue", late.Find(".enki-mobilisation-card").ClassName);
        Assert.Equal("En retard", late.Find("[data-testid=overdue]").TextContent.Trim());

        var done = RenderCard(At(MobilisationStatus.Completed), MaireChelles, Now.AddHours(3));
        Assert.Empty(done.FindAll("[data-testid=overdue]"));
        Assert.Empty(Buttons(done));
    }

    [Fact]
    public void A_just_issued_request_reads_Recue_for_its_recipient_and_Emise_for_its_issuer()
    {
        Assert.Equal("Reçue", RenderCard(At(MobilisationStatus.Issued), MaireChelles, Now).Find(".mud-chip[data-status]").TextContent.Trim());
        Assert.Equal("Émise", RenderCard(At(MobilisationStatus.Issued), Sdis77, Now).Find(".mud-chip[data-status]").TextContent.Trim());
    }
}
