using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>The official RC-REF and EDXL-DE envelope samples.</summary>
public class RcRefAndEnvelopeSampleTests
{
    [Fact]
    public void Rc_ref_sample_acknowledges_a_distribution()
    {
        Assert.Equal(
            new AcknowledgementReceived("fr.health.samuB_2607723d-507d-4cbf-bf74-12345f7064cd", null, null, null),
            Single<AcknowledgementReceived>("official/hub-json/RC-REF.json"));
    }

    [Fact]
    public void The_official_envelope_sample_only_carries_technical_test_payloads_and_is_refused()
    {
        // Despite its name the official sample carries two technicalNoreq payloads, no RC-EDA.
        var failure = Assert.IsType<ReadFailure>(Read("official/hub-json/EDXL-DE-envelope-with-RC-EDA.json"));

        Assert.Equal("Contenu non reconnu dans l'enveloppe EDXL-DE", failure.Reason);
        Assert.Contains("technicalNoreq", failure.Detail);
    }
}
