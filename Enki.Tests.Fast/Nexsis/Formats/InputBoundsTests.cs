using System.Text;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Tests.Nexsis.Intake;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>
/// What the reader refuses and what it takes that it used to refuse: nesting depth, field sizes,
/// negative counts, byte-order marks and windows-1252, hub XML, parser details in French.
/// </summary>
public class InputBoundsTests
{
    private const string CisuSample = "official/cisu-xml/4bc6d047-bf3f-439a-93ed-6f18b64eb579.xml";
    private static readonly NexsisMessageReader Reader = new();

    [Fact]
    public void Xml_nested_deeper_than_the_limit_is_refused_before_a_tree_is_built()
    {
        // 200,000 levels fit in 1.4 MB: read whole, it took minutes (cost grows with the square of the depth).
        const int depth = 200_000;
        var xml = new StringBuilder("<edxlDistribution xmlns=\"urn:oasis:names:tc:emergency:EDXL:DE:2.0\">");
        for (var i = 0; i < depth; i++) xml.Append("<a>");
        for (var i = 0; i < depth; i++) xml.Append("</a>");
        xml.Append("</edxlDistribution>");

        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(xml.ToString())));

        Assert.Equal($"XML trop imbriqué (plus de {NexsisMessageReader.MaxDepth} niveaux)", failure.Reason);
    }

    public static TheoryData<string, string> HostileShapes => new()
    {
        // One start tag with 400,000 attributes: the XML reader alone took seconds on it.
        { "many attributes", "<edxlDistribution" + string.Concat(Enumerable.Range(0, 400_000).Select(i => $" a{i}=\"\"")) + "/>" },
        { "flat elements", "<edxlDistribution>" + string.Concat(Enumerable.Repeat("<a/>", 1_000_000)) + "</edxlDistribution>" },
        { "comments", "<edxlDistribution>" + string.Concat(Enumerable.Repeat("<!--x-->", 500_000)) + "</edxlDistribution>" },
        { "flat JSON", "{\"createCase\":{" + string.Concat(Enumerable.Repeat("\"a\":0,", 600_000)) + "\"z\":0}}" },
    };

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void A_message_of_too_many_nodes_is_refused_before_any_parser_builds_it(string shape, string payload)
    {
        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(payload)));

        Assert.True(failure.Reason == "Message trop complexe (plus de 20 000 éléments, attributs ou valeurs)", $"{shape}: {failure.Reason}");
    }

    [Theory]
    [InlineData("<edxlDistribution a=\"{0}\"/>", "Champ trop long : edxlDistribution (valeur d'attribut) (plus de 40 000 caractères)")]
    [InlineData("<edxlDistribution><a>{0}</a></edxlDistribution>", "Champ trop long : edxlDistribution/a (plus de 40 000 caractères)")]
    [InlineData("<edxlDistribution><a><![CDATA[{0}]]></a></edxlDistribution>", "Champ trop long : edxlDistribution/a (commentaire, CDATA ou déclaration) (plus de 40 000 caractères)")]
    [InlineData("{{\"createCase\":{{\"caseId\":\"{0}\"}}}}", "Champ trop long : createCase.caseId (plus de 40 000 caractères)")]
    public void A_value_of_megabytes_is_refused_with_its_name_before_any_parser_builds_it(string shape, string reason)
    {
        var payload = string.Format(shape, new string('x', 3_000_000));

        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(payload)));

        Assert.Equal(reason, failure.Reason);
    }

    [Theory]
    [InlineData("<edxlDistribution>{0}</edxlDistribution>", "<note>{0}</note>")]
    [InlineData("{{\"createCase\":{{\"notes\":[{0}\"\"]}}}}", "\"{0}\",")]
    public void Megabytes_of_texts_each_within_its_limit_are_refused_before_any_parser_builds_them(string shape, string item)
    {
        var payload = string.Format(shape, string.Concat(Enumerable.Repeat(string.Format(item, new string('x', 3_900)), 1_000)));

        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(payload)));

        Assert.Equal("Message trop long : plus de 500 000 caractères de texte en tout", failure.Reason);
    }

    [Fact]
    public void A_message_reads_up_to_the_bound_on_text_and_is_refused_beyond()
    {
        var sample = File.ReadAllText(PathOf(CisuSample));
        var note = new string('x', 3_000);
        // A real sample with a comment of notes just under the bound still reads, and one over it is refused.
        string With(int notes) => sample.Replace("</edxlDistribution>", $"<!--{string.Concat(Enumerable.Repeat(note, notes))}--></edxlDistribution>");

        Assert.IsType<NexsisReadSuccess>(Reader.Read(Encoding.UTF8.GetBytes(With(10))));
        Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(With(170))));
    }

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_refused_in_french()
    {
        var json = new string('[', 1000) + new string(']', 1000);

        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("trop imbriqué", failure.Detail);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_before_json_and_xml()
    {
        var json = Encoding.UTF8.Preamble.ToArray().Concat(TestMessages.CreateCase("fr.fire.sis077.cga-077.SC-BOM")).ToArray();
        var xml = Encoding.UTF8.Preamble.ToArray().Concat(File.ReadAllBytes(PathOf(CisuSample))).ToArray();

        Assert.IsType<NexsisReadSuccess>(Reader.Read(json));
        Assert.IsType<NexsisReadSuccess>(Reader.Read(xml));
    }

    [Fact]
    public void Xml_declared_in_windows_1252_is_read_with_its_accents()
    {
        var text = File.ReadAllText(PathOf(CisuSample))
            .Replace("<?xml version=\"1.0\" ?>", "<?xml version=\"1.0\" encoding=\"windows-1252\"?>")
            .Replace("|Cambriolage<", "|Cambriolage à l'étage<");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);

        var read = Assert.IsType<NexsisReadSuccess>(Reader.Read(bytes));

        var created = Assert.IsType<CaseCreated>(Assert.Single(read.Messages));
        Assert.Equal("Atteinte aux biens / animal|Cambriolage à l'étage", created.NatureLabelAsSent);
    }

    [Fact]
    public void Hub_xml_is_refused_as_a_format_not_supported()
    {
        const string hubXml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <message xmlns="urn:emergency:cisu:2.0"><messageId>m-1</messageId><createCase><caseId>fr.fire.sis077.X</caseId></createCase></message>
            """;

        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(hubXml)));

        Assert.StartsWith("Format non pris en charge", failure.Reason);
    }

    [Fact]
    public void Parser_details_are_in_french_with_the_position()
    {
        var xml = Assert.IsType<ReadFailure>(Read("malformed/truncated.xml"));
        var json = Assert.IsType<ReadFailure>(Read("malformed/truncated.json"));

        Assert.Matches(@"^fin du document inattendue \(message tronqué\) \(ligne \d+, colonne \d+\)$", xml.Detail);
        Assert.Matches(@"^fin du document inattendue \(message tronqué\) \(ligne \d+, octet \d+\)$", json.Detail);
    }

    [Fact]
    public void A_field_above_its_limit_is_refused_with_its_name()
    {
        // The serializer escapes accents (R\u00E9publique): replace the whole value.
        var payload = System.Text.RegularExpressions.Regex.Replace(
            Encoding.UTF8.GetString(TestMessages.CreateCase("fr.fire.sis077.cga-077.SC-LONG")),
            "\"complete\":\"[^\"]*\"", $"\"complete\":\"{new string('x', FieldLimits.Address + 1)}\"");

        var failure = Assert.IsType<ReadFailure>(Reader.Read(Encoding.UTF8.GetBytes(payload)));

        Assert.Equal($"Champ trop long : content[0].jsonContent.embeddedJsonContent.message.createCase.location.detailedAddress.complete " +
                     $"({FieldLimits.Address + 1} caractères, au plus {FieldLimits.Address})", failure.Reason);
    }

    [Fact]
    public void A_case_id_of_megabytes_is_refused_with_its_name()
    {
        var caseId = "fr.fire.sis077." + new string('9', 3_900_000);

        var failure = Assert.IsType<ReadFailure>(Reader.Read(TestMessages.BareCreateCase(caseId, TestMessages.T0)));

        Assert.StartsWith("Champ trop long : createCase.caseId", failure.Reason);
    }

    [Fact]
    public void A_negative_victim_count_is_refused()
    {
        var failure = Assert.IsType<ReadFailure>(Reader.Read(TestMessages.Situation("fr.fire.sis077.X", "IPR", TestMessages.T0, red: -5)));

        Assert.Equal("Nombre négatif refusé : emsi.EVENT.CASUALTIES[0].TRIAGERED", failure.Reason);
    }

    [Fact]
    public void An_unknown_nature_code_is_read_with_the_senders_label()
    {
        var created = Single<CaseCreated>("variations/RC-EDA-unknown-nature.json");

        Assert.Equal("C99.99.99", created.NatureCode);
        Assert.Equal("Inconnu", created.NatureLabelAsSent);
        Assert.Null(created.Nature);
    }
}
