using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Warnings.WebPush;

namespace Enki.Tests.Warnings.WebPush;

public sealed class WebPushPayloadTests
{
    private static readonly WarningMessage Urgent = new(
        Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("22222222-2222-2222-2222-222222222222"), "chelles-id", "Maire de Chelles",
        "Victimes à Chelles : au moins une urgence absolue", "1 urgence absolue", Urgent: true, Silent: false, Place: "Chelles (77108)");

    [Fact]
    public void The_service_worker_gets_title_body_page_token_and_warning()
    {
        Assert.Equal(
            """{"title":"URGENT — Victimes à Chelles : au moins une urgence absolue","body":"1 urgence absolue\nChelles (77108)","url":"/avertissements/22222222-2222-2222-2222-222222222222","ackToken":"jeton-secret","warningId":"22222222-2222-2222-2222-222222222222","urgent":true}""",
            WebPushPayload.Of(Urgent, "jeton-secret").ToJson());
    }

    [Fact]
    public void Without_a_token_there_is_no_ackToken_and_a_long_detail_is_cut()
    {
        var message = Urgent with { Urgent = false, Detail = new string('x', 3000), Place = null };

        var payload = WebPushPayload.Of(message, null);

        Assert.DoesNotContain("ackToken", payload.ToJson());
        Assert.Equal("Victimes à Chelles : au moins une urgence absolue", payload.Title);
        Assert.Equal(1000, payload.Body.Length);
        Assert.EndsWith("x…", payload.Body);
    }
}
