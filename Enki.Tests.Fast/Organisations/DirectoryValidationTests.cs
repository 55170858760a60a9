using Enki.Domain.Access;
using Enki.Domain.Directory;
using Enki.Tests.Support;

namespace Enki.Tests.Organisations;

public sealed class DirectoryValidationTests
{
    private static readonly TestTerritoryDirectory Territories = new();

    private static OrganisationDetails Mairie(string? name = "Mairie de Chelles", string? phone = "01 99 00 10 00", string? email = null,
        Jurisdiction? territory = null) =>
        new(name, OrganisationKind.TownHall, territory ?? Jurisdiction.Commune("77108"), phone, email, null);

    [Theory]
    [InlineData("01 99 00 12 34", "+33199001234")]
    [InlineData("01.99.00.12.34", "+33199001234")]
    [InlineData("0199001234", "+33199001234")]
    [InlineData("+33 1 99 00 12 34", "+33199001234")]
    [InlineData("+33 (0)1 99 00 12 34", "+33199001234")]
    [InlineData("0033 6 39 98 00 01", "+33639980001")]
    [InlineData("06-39-98-00-01", "+33639980001")]
    public void French_phone_numbers_are_normalised_to_the_international_form(string typed, string expected)
    {
        Assert.True(FrenchPhone.TryNormalise(typed, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("12 34")]
    [InlineData("+44 20 7946 0000")]
    [InlineData("00 99 00 12 34")]
    [InlineData("01 99 00 12 3a")]
    [InlineData("01 99 00 12 34 5")]
    public void Other_numbers_are_refused(string typed) => Assert.False(FrenchPhone.TryNormalise(typed, out _));

    [Fact]
    public void Phone_is_shown_grouped() => Assert.Equal("+33 1 99 00 12 34", FrenchPhone.Display("+33199001234"));

    [Fact]
    public void A_valid_organisation_comes_back_trimmed_and_normalised()
    {
        var result = Mairie(name: "  Mairie de Chelles ", email: " Mairie@Chelles.Example.fr ").Check(Territories);

        Assert.True(result.IsValid);
        Assert.Equal("Mairie de Chelles", result.Value!.Name);
        Assert.Equal("+33199001000", result.Value.Phone);
        Assert.Equal("mairie@chelles.example.fr", result.Value.Email);
    }

    [Fact]
    public void Name_and_a_way_to_reach_are_required_with_french_reasons()
    {
        var result = Mairie(name: " ", phone: null, email: null).Check(Territories);

        Assert.False(result.IsValid);
        Assert.Contains("Le nom de l'organisation est obligatoire.", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("Indiquez au moins un moyen de joindre"));
    }

    [Theory]
    [InlineData("pas-une-adresse")]
    [InlineData("a@b")]
    [InlineData("a b@example.fr")]
    [InlineData("a@@example.fr")]
    public void Invalid_email_is_refused(string email)
    {
        var result = Mairie(email: email).Check(Territories);

        Assert.Contains(result.Errors, e => e.Contains("n'est pas une adresse valide"));
    }

    [Fact]
    public void Unknown_territory_codes_are_refused()
    {
        Assert.Contains("Commune 99999 : code inconnu.", Mairie(territory: Jurisdiction.Commune("99999")).Check(Territories).Errors);
        Assert.Contains("Zone NULLEPART : code inconnu.", Mairie(territory: Jurisdiction.Zone("NULLEPART")).Check(Territories).Errors);
    }

    [Fact]
    public void Territory_from_codes_takes_the_finest_and_checks_consistency()
    {
        var errors = new List<string>();
        Assert.Equal(Jurisdiction.Commune("77108"), OrganisationTerritory.From("77108", "77", null, Territories, errors));
        Assert.Equal(Jurisdiction.Department("77"), OrganisationTerritory.From(null, "77", "paris", Territories, errors));
        Assert.Equal(Jurisdiction.National, OrganisationTerritory.From(" ", null, "", Territories, errors));
        Assert.Empty(errors);

        Assert.Null(OrganisationTerritory.From("77108", "35", null, Territories, errors));
        Assert.Contains("La commune 77108 n'est pas dans le département 35.", errors);
    }

    [Fact]
    public void Contact_needs_a_name_and_a_way_to_reach_and_keeps_several_phones()
    {
        var valid = new ContactDetails("Claire Martin", " DGS ", ["01 99 00 10 01", "06 39 98 10 01", "0199001001"], null, null).Check();
        Assert.True(valid.IsValid);
        Assert.Equal(["+33199001001", "+33639981001"], valid.Value!.Phones);
        Assert.Equal("DGS", valid.Value.Function);

        var invalid = new ContactDetails(null, null, [], null, null).Check();
        Assert.Contains("Le nom du contact est obligatoire.", invalid.Errors);
        Assert.Contains(invalid.Errors, e => e.StartsWith("Indiquez au moins un moyen de joindre le contact"));

        var badPhone = new ContactDetails("X", null, ["123"], null, null).Check();
        Assert.Contains(badPhone.Errors, e => e.Contains("« 123 » n'est pas un numéro français"));
    }

    [Fact]
    public void An_organisation_refuses_invalid_details_and_searches_on_its_contacts()
    {
        Assert.Throws<DirectoryValidationException>(() =>
            Organisation.Create(Guid.NewGuid(), Mairie(phone: null), Territories, DateTimeOffset.UtcNow));

        var organisation = Organisation.Create(Guid.NewGuid(), Mairie(), Territories, DateTimeOffset.UtcNow);
        organisation.AddContact(new ContactDetails("Élodie Ménard", "Élue d'astreinte", ["06 39 98 00 02"], null, null), DateTimeOffset.UtcNow);

        Assert.Equal(("77108", "77", "PARIS"), (organisation.CommuneCode, organisation.DepartmentCode, organisation.ZoneCode));
        Assert.Contains("elodie menard", organisation.SearchText);
        Assert.Contains("elue d'astreinte", organisation.SearchText);
        Assert.NotNull(organisation.FindContact("ELODIE MENARD"));
    }

    [Theory]
    [InlineData("préfecture", OrganisationKind.Prefecture)]
    [InlineData("SDIS", OrganisationKind.Sdis)]
    [InlineData("partenaire", OrganisationKind.Partner)]
    public void Kinds_read_from_their_french_labels(string text, OrganisationKind expected)
    {
        Assert.True(OrganisationKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }
}
