using System.Text;
using Enki.Infrastructure.Nexsis.Formats;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>Every malformed payload becomes a <see cref="ReadFailure"/> with a French reason; nothing throws.</summary>
public class MalformedCorpusTests
{
    public static TheoryData<string, string> Corpus => new()
    {
        { "malformed/empty.txt", "Le message est vide" },
        { "malformed/binary-garbage.bin", "Le message n'est ni du XML ni du JSON" },
        { "malformed/plain-text.txt", "Le message n'est ni du XML ni du JSON" },
        { "malformed/truncated.xml", "XML illisible (mal formé ou tronqué)" },
        { "malformed/truncated.json", "JSON illisible (mal formé ou tronqué)" },
        { "malformed/json-array.json", "Le message JSON doit être un objet" },
        { "malformed/json-unknown-object.json", "Le JSON ne contient ni enveloppe EDXL-DE ni message connu (RC-EDA, RC-RI, EMSI, RC-REF)" },
        { "malformed/cisu-message-without-envelope.xml", "Enveloppe EDXL-DE absente" },
        { "malformed/wrong-edxl-namespace.xml", "Espace de noms EDXL-DE inattendu : urn:oasis:names:tc:emergency:EDXL:DE:1.0" },
        { "malformed/wrong-cisu-namespace.xml", "Message CISU absent ou d'un espace de noms inattendu" },
        { "malformed/xml-invalid-sent-date.xml", "Date d'envoi illisible" },
        { "malformed/xml-missing-event-id.xml", "Identifiant d'affaire absent" },
        { "malformed/xml-coordinates-zero.xml", "Coordonnées hors de France" },
        { "malformed/rc-eda-missing-case-id.json", "Identifiant d'affaire absent" },
        { "malformed/rc-eda-invalid-creation-date.json", "Date de création de l'affaire illisible" },
        { "malformed/rc-eda-date-without-offset.json", "Date de création de l'affaire illisible" },
        { "malformed/rc-eda-coordinates-zero.json", "Coordonnées hors de France" },
        { "malformed/rc-eda-coordinates-91-200.json", "Coordonnées invalides" },
        { "malformed/rc-eda-coordinates-text.json", "Coordonnées illisibles" },
        { "malformed/rc-eda-malformed-nature.json", "Code nature mal formé : INCENDIE" },
        { "malformed/rc-eda-unknown-victim-count.json", "Nombre de victimes illisible : QUELQUES" },
        { "malformed/rc-ri-unknown-status.json", "Statut de moyen inconnu : EN-ROUTE" },
        { "malformed/emsi-unknown-status.json", "Statut d'événement EMSI inconnu : FINI" },
        { "malformed/emsi-unknown-mode.json", "Statut de diffusion inconnu : REEL" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Malformed_payload_is_refused_with_a_french_reason(string fixture, string reason)
    {
        var failure = Assert.IsType<ReadFailure>(Read(fixture));

        Assert.Equal(reason, failure.Reason);
        Assert.False(string.IsNullOrWhiteSpace(failure.Detail));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_text_overload_refuses_the_same_payloads(string fixture, string reason)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(PathOf(fixture)));

        var failure = Assert.IsType<ReadFailure>(new NexsisMessageReader().Read(text));

        // Garbage bytes decode to replacement characters; the verdict stays "not XML nor JSON".
        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void Coordinates_detail_names_the_field_and_the_values()
    {
        var failure = Assert.IsType<ReadFailure>(Read("malformed/rc-eda-coordinates-91-200.json"));

        Assert.Equal("createCase.location.geometry.point.coord : lat 91, lon 200", failure.Detail);
    }

    [Fact]
    public void Null_and_whitespace_payloads_are_refused()
    {
        var reader = new NexsisMessageReader();

        Assert.Equal("Le message est vide", Assert.IsType<ReadFailure>(reader.Read((string?)null)).Reason);
        Assert.Equal("Le message est vide", Assert.IsType<ReadFailure>(reader.Read(" \r\n\t")).Reason);
        Assert.Equal("Le message est vide", Assert.IsType<ReadFailure>(reader.Read(ReadOnlyMemory<byte>.Empty)).Reason);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_rather_than_resolved()
    {
        const string Xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";

        Assert.Equal("XML illisible (mal formé ou tronqué)", Assert.IsType<ReadFailure>(new NexsisMessageReader().Read(Xxe)).Reason);
    }

    [Fact]
    public void Utf16_payloads_are_decoded_before_sniffing()
    {
        var json = File.ReadAllText(PathOf("official/hub-json/RC-REF.json"));
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray();

        Assert.IsType<NexsisReadSuccess>(new NexsisMessageReader().Read(bytes));
    }
}
