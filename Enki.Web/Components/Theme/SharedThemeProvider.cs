using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace Enki.Web.Components.Theme;

/// <summary>
/// MudBlazor's theme provider whose style elements are generated once per theme and mode and shared
/// by every circuit. MudThemeProvider builds them anew for each circuit and each render (some 25 KB
/// of CSS variables): on hundreds of open screens that was the largest string each of them held.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConditionalWeakTable<MudTheme, ConcurrentDictionary<(bool Dark, bool DefaultScrollbar), string?>> Styles = new();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        // The parameters as the parent set them: Enki always passes the mode (it never lets the provider
        // follow the system on its own), so they are what MudThemeProvider renders from.
#pragma warning disable MUD0010
        var key = (IsDarkMode, DefaultScrollbar);
#pragma warning restore MUD0010
        var styles = Styles.GetOrCreateValue(GetTheme()).GetOrAdd(key, _ => MarkupOf(base.BuildRenderTree));
        if (styles is null)
        {
            // MudThemeProvider rendered more than markup (a later MudBlazor): render it as it is.
            base.BuildRenderTree(builder);
            return;
        }
        builder.AddMarkupContent(0, styles);
    }

    /// <summary>The markup MudThemeProvider renders, or null when it renders anything else.</summary>
    private static string? MarkupOf(Action<RenderTreeBuilder> render)
    {
        using var scratch = new RenderTreeBuilder();
        render(scratch);
        var frames = scratch.GetFrames();
        var markup = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType != RenderTreeFrameType.Markup) return null;
            markup.Append(frames.Array[i].MarkupContent);
        }
        return markup.ToString();
    }
}
