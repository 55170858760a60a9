using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using static Enki.Tests.Mobilisation.MobilisationSamples;

namespace Enki.Tests.Mobilisation;

public sealed class MobilisationDraftRulesTests
{
    [Fact]
    public void A_complete_draft_inside_the_jurisdiction_is_valid()
    {
        Assert.Empty(MobilisationDraftRules.Validate(Draft(), Sdis77, Territories, Now));
        var request = Issued();
        Assert.Equal(MobilisationStatus.Issued, request.Status);
        Assert.Equal(("77108", "77", "PARIS"), (request.CommuneCode, request.DepartmentCode, request.ZoneCode));
        Assert.Equal(MobilisationRecipient.Commune("77108"), request.Recipient);
    }

    [Fact]
    public void Each_missing_or_wrong_field_has_its_french_message()
    {
        var draft = Draft() with { Object = " ", Quantity = 0, Deadline = Now.AddMinutes(-1), ResourceKind = "" };
        Assert.Equal(
        [
            "L'objet de la demande est obligatoire.", "La nature du moyen demandé est obligatoire.",
            "La quantité doit être supérieure à zéro.", "L'échéance doit être dans le futur.",
        ], MobilisationDraftRules.Validate(draft, Sdis77, Territories, Now));
        Assert.Throws<MobilisationRefused>(() => MobilisationRequest.Issue(draft, Sdis77, null, Territories, Now));
    }

    [Fact]
    public void An_uncounted_resource_needs_no_quantity() =>
        Assert.Empty(MobilisationDraftRules.Validate(Draft() with { ResourceKind = "fermeture de route", Quantity = null }, Sdis77, Territories, Now));

    [Fact]
    public void The_recipient_commune_must_be_inside_the_issuer_jurisdiction() =>
        Assert.Equal(["La commune destinataire est hors de votre périmètre."],
            MobilisationDraftRules.Validate(Draft("35126"), Sdis77, Territories, Now));

    [Theory]
    [InlineData(Profile.Sdis, true)]
    [InlineData(Profile.Prefecture, true)]
    [InlineData(Profile.Coz, true)]
    [InlineData(Profile.Cogic, true)]
    [InlineData(Profile.Administrator, true)]
    [InlineData(Profile.Mayor, false)]
    public void Crisis_services_issue_mayors_do_not(Profile profile, bool mayIssue) =>
        Assert.Equal(mayIssue, AccessPolicy.MayIssueRequests(new Viewer("x", "x", profile, Jurisdiction.National)));
}
