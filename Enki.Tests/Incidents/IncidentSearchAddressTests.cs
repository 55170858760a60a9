using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Web.Components.Incidents.List;
using MudBlazor;

namespace Enki.Tests.Incidents;

/// <summary>The incident list's filters in its address: what is written is read back, the rest is the default.</summary>
public sealed class IncidentSearchAddressTests
{
    private static readonly Commune Chelles = new("77108", "Chelles", "77", "11", 54_000);
    private static readonly Commune Meaux = new("77284", "Meaux", "77", "11", 55_000);
    private const string Page = "https://enki.test/incidents";

    [Fact]
    public void Every_filter_comes_back_from_the_address_it_wrote()
    {
        var search = new IncidentSearch("C04", "C04.02", IncidentStatus.Suspended, Meaux,
            new DateRange(new DateTime(2026, 11, 28), new DateTime(2026, 11, 30)), "rue de la Marne", InProgressOnly: true);

        var query = IncidentSearchAddress.Query(search, exercises: true, IncidentSearch.Empty);
        var address = Page + "?" + string.Join("&", query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString((string)q.Value!)}"));

        Assert.Equal("suspendu", query["statut"]);
        Assert.Equal("77284", query["commune"]);
        Assert.Equal("2026-11-28", query["du"]);
        Assert.Equal((search, true), IncidentSearchAddress.Read(address, IncidentSearch.Empty, [Chelles, Meaux]));
    }

    [Fact]
    public void A_mayors_default_says_nothing_and_only_leaving_it_is_written()
    {
        Assert.All(IncidentSearchAddress.Query(IncidentSearch.InProgress, false, IncidentSearch.InProgress).Values, Assert.Null);
        Assert.Equal("0", IncidentSearchAddress.Query(IncidentSearch.Empty, false, IncidentSearch.InProgress)["en-cours"]);

        Assert.Equal((IncidentSearch.InProgress, false), IncidentSearchAddress.Read(Page, IncidentSearch.InProgress, [Chelles]));
        Assert.Equal((IncidentSearch.Empty, false), IncidentSearchAddress.Read(Page + "?en-cours=0", IncidentSearch.InProgress, [Chelles]));
    }

    [Fact]
    public void What_cannot_be_understood_or_is_outside_the_jurisdiction_is_left_out()
    {
        var (search, exercises) = IncidentSearchAddress.Read(Page + "?commune=77284&statut=bof&du=hier&exercices=oui", IncidentSearch.Empty, [Chelles]);

        Assert.Equal(IncidentSearch.Empty, search);
        Assert.False(exercises);
    }
}
