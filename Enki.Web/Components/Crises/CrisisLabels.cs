using Enki.Domain.Crises;
using MudBlazor;

namespace Enki.Web.Components.Crises;

/// <summary>How crises read on screen: one place for chips and territory lines.</summary>
public static class CrisisLabels
{
    public static Color StatusColour(CrisisStatus status) => status == CrisisStatus.Ongoing ? Color.Error : Color.Default;

    public static string Territory(Crisis crisis) => string.Join(", ", crisis.Territories.Select(t => t.Name));
}
