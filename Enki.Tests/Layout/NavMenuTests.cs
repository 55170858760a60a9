using Bunit;
using Enki.Tests.Support;
using Enki.Web.Components.Layout;

namespace Enki.Tests.Layout;

public sealed class NavMenuTests : MudBunitContext
{
    [Fact]
    public void Navigation_lists_the_six_modules_in_french_with_their_addresses()
    {
        var menu = Render<NavMenu>();

        var links = menu.FindAll("a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();

        Assert.Equal(
            [("Tableau de bord", ""), ("Incidents", "incidents"), ("Carte", "carte"), ("Crises", "crises"),
             ("Mobilisations", "mobilisations"), ("Administration", "administration")],
            links);
    }
}
