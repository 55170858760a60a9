using System.Text;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Formats;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Security;

/// <summary>
/// Callers' personal data in quarantined payloads: masked on display for everyone but the SDIS of the
/// message's territory (masked for all when there is none), including in payloads too broken to parse;
/// the stored payload stays whole.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class QuarantineMaskingTests(GeographyFixture geography) : IAsyncLifetime
{
    private static readonly Viewer Admin = new("admin-id", "Administrateur", Profile.Administrator, Jurisdiction.National);
    private static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    private static readonly Viewer Sdis35 = new("sdis35", "CODIS 35", Profile.Sdis, Jurisdiction.Department("35"));
    private static readonly Viewer Prefecture77 = new("pref77", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    private static readonly Territory Chelles = new("77108", "77", "PARIS");

    private IntakeHarness _intake = null!;

    public async Task InitializeAsync()
    {
        _intake = new IntakeHarness(geography.Geography);
        await _intake.InitializeAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    [Fact]
    public async Task Administrators_see_a_refused_case_without_its_callers_name_or_phone_and_the_stored_payload_is_whole()
    {
        await _intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.SC-MASK-1", insee: "99999", lat: 46.5, lon: -3.5));
        await _intake.DrainAsync();

        var shown = Assert.Single((await _intake.Services.GetRequiredService<Quarantine>().ListAsync(Admin, null, 0, 25)).Items);

        Assert.Equal(PayloadMasking.Fields, shown.Masking);
        // The stored JSON escapes "+" and "é" (\u002B, \u00E9): the digits and the name's ASCII part are what must go.
        Assert.DoesNotContain("33600000001", shown.Payload);
        Assert.DoesNotContain("Jeanne", shown.Payload);
        Assert.DoesNotContain("moin", shown.Payload);
        Assert.Contains(PersonalDataMask.Masked, shown.Payload);
        Assert.Contains("SC-MASK-1", shown.Payload);
        Assert.Contains("99999", shown.Payload);
        var stored = Encoding.UTF8.GetString(await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.Payload).SingleAsync()));
        Assert.Contains("33600000001", stored);
        Assert.Contains("Jeanne", stored);
    }

    [Fact]
    public async Task A_payload_too_broken_to_parse_gets_its_phones_and_emails_masked_by_pattern()
    {
        var broken = "{\"createCase\": {\"caseId\": \"fr.fire.sis077.SC-CASSE\", \"notes\": \"rappeler Mme Leroy au 06 12 34 56 78 ou +33 6 98 76 54 32, "
                     + "courriel jeanne.leroy@exemple.fr, tel:+33123456789\", \"creation\": \"2026-11-28T09:00:00+01:00\", \"lat\": 48.8786,";
        await _intake.PushAsync(Encoding.UTF8.GetBytes(broken));
        await _intake.DrainAsync();

        var shown = Assert.Single((await _intake.Services.GetRequiredService<Quarantine>().ListAsync(Admin, null, 0, 25)).Items);

        Assert.Equal(PayloadMasking.Patterns, shown.Masking);
        Assert.DoesNotContain("06 12 34 56 78", shown.Payload);
        Assert.DoesNotContain("98 76 54 32", shown.Payload);
        Assert.DoesNotContain("jeanne.leroy@exemple.fr", shown.Payload);
        Assert.DoesNotContain("123456789", shown.Payload);
        Assert.Contains("2026-11-28T09:00:00+01:00", shown.Payload);
        Assert.Contains("48.8786", shown.Payload);
        Assert.Contains("SC-CASSE", shown.Payload);
    }

    [Fact]
    public void Only_the_sdis_of_the_messages_territory_sees_it_raw_and_a_message_placed_nowhere_is_masked_for_all()
    {
        var message = new InboxMessage { Id = 7, Payload = CreateCase("fr.fire.sis077.SC-MASK-2"), Reason = "test" };

        Assert.Equal(PayloadMasking.None, Quarantine.View(Sdis77, message, Chelles).Masking);
        Assert.Contains("33600000001", Quarantine.View(Sdis77, message, Chelles).Payload);
        foreach (var viewer in new[] { Admin, Sdis35, Prefecture77 })
        {
            var shown = Quarantine.View(viewer, message, Chelles);
            Assert.Equal(PayloadMasking.Fields, shown.Masking);
            Assert.DoesNotContain("33600000001", shown.Payload);
            Assert.DoesNotContain("Jeanne", shown.Payload);
        }
        Assert.Equal(PayloadMasking.Fields, Quarantine.View(Sdis77, message, null).Masking);
        Assert.Equal(PayloadMasking.Fields, Quarantine.View(Sdis77, message, Territory.Nowhere).Masking);
    }

    [Theory]
    [InlineData("official/hub-json/RC-EDA-FuiteDeGaz-AliceGregoireNormand.01.json", new[] { "+33671830523", "Dubois", "Marie", "0671830587" }, new[] { "fr.health.samu440.DRFR154402413800236", "2024-05-18T18:15:00+02:00", "C09.03.00" })]
    [InlineData("official/cisu-xml/4bc6d047-bf3f-439a-93ed-6f18b64eb579.xml", new[] { "+33611223344" }, new[] { "C03.03.00" })]
    public void Official_samples_lose_their_personal_fields_and_keep_the_rest(string fixture, string[] personal, string[] kept)
    {
        var (text, masking) = PersonalDataMask.Mask(File.ReadAllText(NexsisFixtures.PathOf(fixture)));

        Assert.Equal(PayloadMasking.Fields, masking);
        Assert.All(personal, p => Assert.DoesNotContain(p, text));
        Assert.All(kept, k => Assert.Contains(k, text));
    }

    [Fact]
    public void An_xml_payload_beyond_the_readers_bounds_is_withheld_rather_than_shown_with_its_names()
    {
        // Too many elements for the reader: parsing it to mask the caller's name would cost seconds at this size.
        var payload = "<edxlDistribution><caller><lastName>Leroy</lastName><phone>0612345678</phone></caller>"
                      + string.Concat(Enumerable.Repeat("<x/>", 25_000)) + "</edxlDistribution>";

        var (text, masking) = PersonalDataMask.Mask(payload);

        Assert.Equal(PayloadMasking.Withheld, masking);
        Assert.DoesNotContain("Leroy", text);
        Assert.DoesNotContain("0612345678", text);
        Assert.Contains("trop complexe", text);
    }

    [Fact]
    public void A_json_payload_beyond_the_readers_bounds_is_withheld_too()
    {
        var payload = "{\"caller\": {\"lastName\": \"Leroy\"}, \"notes\": [" + string.Join(",", Enumerable.Repeat("\"06 12 34 56 78\"", 25_000)) + "]}";

        var (text, masking) = PersonalDataMask.Mask(payload);

        Assert.Equal(PayloadMasking.Withheld, masking);
        Assert.DoesNotContain("Leroy", text);
        Assert.DoesNotContain("06 12 34 56 78", text);
    }

    [Theory]
    [InlineData("06 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("0612345678")]
    [InlineData("+33612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+33 (0)6 12 34 56 78")]
    [InlineData("0033 6 12 34 56 78")]
    [InlineData("tel:+33612345678")]
    [InlineData("prenom.nom+crise@sdis77.example.fr")]
    public void The_pattern_pass_masks_phone_numbers_and_emails(string personal)
    {
        var masked = PersonalDataMask.Patterns($"appelant : {personal}, rappeler");

        Assert.DoesNotContain(personal, masked);
        Assert.Contains("appelant : ", masked);
        Assert.Contains(PersonalDataMask.Masked, masked);
    }

    [Fact]
    public void A_plus_sign_escaped_by_json_in_a_broken_payload_is_still_a_phone_number()
    {
        var (text, masking) = PersonalDataMask.Mask("{\"detail\": \"\\u002B33600000001\", \"caseId\": \"SC-1\"");

        Assert.Equal(PayloadMasking.Patterns, masking);
        Assert.DoesNotContain("33600000001", text);
        Assert.Contains("SC-1", text);
    }

    [Theory]
    [InlineData("2026-11-28T09:00:00+01:00")]
    [InlineData("48.8786, 2.5914")]
    [InlineData("fr.fire.sis077.cga-077.SC-20240813-077-AT517")]
    [InlineData("DRFR154402413800236")]
    [InlineData("dist-create-1764316800")]
    [InlineData("C04.02.01")]
    [InlineData("77108")]
    public void The_pattern_pass_keeps_dates_coordinates_codes_and_ids(string operational)
    {
        Assert.Equal(operational, PersonalDataMask.Patterns(operational));
    }
}
