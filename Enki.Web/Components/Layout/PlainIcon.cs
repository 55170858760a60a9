using Microsoft.AspNetCore.Components;

namespace Enki.Web.Components.Layout;

/// <summary>
/// MudBlazor's SVG icon markup without a MudIcon component, for the pieces every open screen shows
/// (app bar, menu, dashboard header): each component costs each screen some kilobytes.
/// </summary>
public static class PlainIcon
{
    /// <param name="icon">One of MudBlazor's <c>Icons</c> (SVG content).</param>
    /// <param name="classes">MudBlazor size and placement classes added to <c>mud-icon-root mud-svg-icon</c>.</param>
    public static RenderFragment Of(string icon, string classes = "mud-icon-size-medium") => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon " + classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };
}
