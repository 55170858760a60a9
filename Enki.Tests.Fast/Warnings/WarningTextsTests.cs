using System.Text.Json;
using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Warnings.Channels;

namespace Enki.Tests.Warnings;

/// <summary>The words sent outside the app: the SMS gateway's JSON body, the SMS, the e-mail.</summary>
public sealed class WarningTextsTests
{
    private const string Link = "https://enki.invalid/avertissements/acquitter/AbCdEfGhIjKlMnOpQrStUvWxYz012345";

    private static WarningMessage Message(string title, bool urgent = true) =>
        new(Guid.Parse("33333333-3333-3333-3333-333333333333"), Guid.NewGuid(), "chelles-id", "Maire de Chelles", title,
            "2 urgences absolues, 1 décédé.", urgent, false, "Chelles (77108)");

    [Fact]
    public void The_default_template_carries_number_text_and_reference_escaped_for_json()
    {
        var body = SmsBodyTemplate.Render("""{"to":"{to}","text":"{text}","reference":"{id}"}""",
            SmsBodyTemplate.Values("+33639980001", "Crue « Marne »\n\"urgent\" à 3 h", Guid.Parse("33333333-3333-3333-3333-333333333333")));
        Assert.Equal("""{"to":"+33639980001","text":"Crue « Marne »\n\"urgent\" à 3 h","reference":"33333333-3333-3333-3333-333333333333"}""", body);
        using var parsed = JsonDocument.Parse(body);
        Assert.Equal("Crue « Marne »\n\"urgent\" à 3 h", parsed.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void A_provider_template_keeps_its_own_braces_and_unknown_placeholders()
    {
        var body = SmsBodyTemplate.Render("""{"messages":[{"destinations":[{"to":"{to}"}],"text":"{text}"}],"sender":"{expediteur}"}""",
            SmsBodyTemplate.Values("+33639980002", "Bonjour", Guid.Empty));
        Assert.Equal("""{"messages":[{"destinations":[{"to":"+33639980002"}],"text":"Bonjour"}],"sender":"{expediteur}"}""", body);
    }

    [Fact]
    public void A_template_that_is_not_json_is_refused_with_the_setting_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SmsBodyTemplate.Render("to={to}&text={text}", SmsBodyTemplate.Values("+33", "x", Guid.Empty)));
        Assert.StartsWith("Enki:Sms:BodyTemplate ne donne pas un JSON valide", refused.Message);
    }

    [Fact]
    public void A_short_warning_fits_whole_in_one_sms_with_its_link()
    {
        var sms = WarningTexts.Sms(Message("Victimes à Chelles : au moins une urgence absolue"), Link);
        Assert.Equal($"Enki URGENT : Victimes à Chelles : au moins une urgence absolue Acquitter : {Link}", sms);
        Assert.True(sms.Length <= 160, $"{sms.Length} caractères");
    }

    [Fact]
    public void A_long_title_is_cut_so_that_the_sms_stays_at_160_characters_and_keeps_the_link()
    {
        var sms = WarningTexts.Sms(Message(new string('x', 200), urgent: false), Link);
        Assert.Equal(160, sms.Length);
        Assert.StartsWith("Enki : xxx", sms);
        Assert.EndsWith("x… Acquitter : " + Link, sms);
    }

    [Fact]
    public void The_email_names_the_warning_its_detail_its_place_and_the_link()
    {
        var message = Message("Victimes à Chelles : au moins une urgence absolue");
        Assert.Equal("[Enki] URGENT Avertissement : Victimes à Chelles : au moins une urgence absolue", WarningTexts.EmailSubject(message));
        var body = WarningTexts.EmailBody(message, Link);
        Assert.Contains("Bonjour Maire de Chelles,", body);
        Assert.Contains("2 urgences absolues, 1 décédé.", body);
        Assert.Contains("Lieu : Chelles (77108)", body);
        Assert.Contains(Link, body);
    }
}
