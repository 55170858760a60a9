using Enki.Web.Components.Theme;
using MudBlazor;

namespace Enki.Web.Components.Wall;

/// <summary>The wall display's theme: the console's dark palette pushed to high contrast for a screen seen from across a room.</summary>
public static class WallTheme
{
    /// <summary>The one instance every wall circuit shows.</summary>
    public static MudTheme Shared { get; } = Create();

    private static MudTheme Create()
    {
        var theme = EnkiTheme.Create();
        theme.PaletteDark = new PaletteDark
        {
            Primary = "#8ecae6",
            Secondary = "#ffb703",
            Background = "#05080f",
            Surface = "#0d1526",
            AppbarBackground = "#05080f",
            TextPrimary = "#ffffff",
            TextSecondary = "#c9d6e3",
            Error = "#ff5a5f",
            Warning = "#ffb703",
            Success = "#52b788",
            Info = "#48cae4",
            LinesDefault = "#2b3a55",
            TableLines = "#2b3a55",
        };
        return theme;
    }
}
