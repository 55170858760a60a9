using Microsoft.Extensions.DependencyInjection;
using Bunit;
using Enki.Tests.Support;
using System.Security.Claims;
using Enki.Infrastructure.Access;
using Enki.Web.Components.Layout;
using Enki.Web.Hosting;

namespace Enki.Tests.Layout;

public sealed class NavMenuTests : MudBunitContext
{
    private IRenderedComponent<NavMenu> RenderFor(string profile)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(profile);
        auth.SetClaims(new Claim(EnkiClaims.Profile, profile));
        auth.SetPolicies(profile switch
        {
            "Administrateur" => [EnkiPolicies.Administrator, EnkiPolicies.AccountManager],
            "Prefecture" => [EnkiPolicies.AccountManager],
            _ => [],
        });
        return Render<NavMenu>();
    }

    [Fact]
    public void Administrator_sees_the_modules_and_administration_in_french_with_their_addresses()
    {
        var menu = RenderFor("Administrateur");

        var links = menu.FindAll("a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();

        Assert.Equal(
            [("Tableau de bord", ""), ("Incidents", "incidents"), ("Carte", "carte"), ("Indicateurs", "indicateurs"), ("Crises", "crises"),
             ("Mobilisations", "mobilisations"), ("Avertissements", "avertissements"), ("Annuaire", "annuaire"), ("Administration", "administration"),
             ("Utilisateurs", "administration/utilisateurs")],
            links);
    }

    [Theory]
    [InlineData("Prefecture", true)]
    [InlineData("Maire", false)]
    [InlineData("Sdis", false)]
    public void Only_account_managers_see_user_management_and_only_administrators_the_administration(string profile, bool managesAccounts)
    {
        var menu = RenderFor(profile);

        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.DoesNotContain("administration", hrefs);
        Assert.Equal(managesAccounts, hrefs.Contains("administration/utilisateurs"));
        Assert.Contains("incidents", hrefs);
    }

    [Theory]
    [InlineData("", "Tableau de bord")]
    [InlineData("tableau-de-bord/departement/77", "Tableau de bord")]
    [InlineData("incidents/5f0c", "Incidents")]
    [InlineData("administration", "Administration")]
    [InlineData("administration/utilisateurs?page=2", "Utilisateurs")]
    public void The_entry_of_the_current_page_is_marked_and_follows_navigation(string path, string current)
    {
        var menu = RenderFor("Administrateur");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        navigation.NavigateTo(path);

        menu.WaitForAssertion(() =>
        {
            var active = menu.FindAll("a.active");
            Assert.Equal(current, Assert.Single(active).TextContent.Trim());
            Assert.Equal("page", active[0].GetAttribute("aria-current"));
        });
    }
}
