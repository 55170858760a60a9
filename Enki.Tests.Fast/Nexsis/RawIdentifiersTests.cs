using System.Text;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Nexsis.Intake;

namespace Enki.Tests.Nexsis;

/// <summary>The quarantine's « Affaire » column: ids of payloads the readers refused, found in their raw text.</summary>
public sealed class RawIdentifiersTests
{
    [Fact]
    public void A_truncated_hub_message_still_names_its_case_and_distribution()
    {
        var whole = TestMessages.CreateCase("fr.fire.sis077.cga.SC-TRUNC-0001", distributionId: "dist-trunc-1");
        var text = Encoding.UTF8.GetString(whole);
        var truncated = Encoding.UTF8.GetBytes(text[..(text.IndexOf("SC-TRUNC-0001", StringComparison.Ordinal) + 40)]);

        Assert.Equal("fr.fire.sis077.cga.SC-TRUNC-0001", RawIdentifiers.CaseId(truncated));
        Assert.Equal("dist-trunc-1", RawIdentifiers.DistributionId(truncated));
    }

    [Fact]
    public void Cisu_xml_names_its_case_by_event_id()
    {
        var xml = Encoding.UTF8.GetBytes("<edxlDistribution><distributionID>d-42</distributionID><content><createEvent><eventId>fr.fire.sis035.EV-7</eventId><nature>C99");

        Assert.Equal("fr.fire.sis035.EV-7", RawIdentifiers.CaseId(xml));
        Assert.Equal("d-42", RawIdentifiers.DistributionId(xml));
    }

    [Fact]
    public void A_payload_without_ids_gives_none()
    {
        Assert.Null(RawIdentifiers.CaseId(Encoding.UTF8.GetBytes("{\"createCase\":{\"qualification\":")));
        Assert.Null(RawIdentifiers.DistributionId([0xff, 0xfe, 0x00]));
    }
}
