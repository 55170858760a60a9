using MudBlazor;

namespace Enki.Web.Components.Theme;

/// <summary>
/// Civil-protection palette: deep navy and safety orange, high contrast in both modes so the
/// console stays readable on a sunlit phone and on a dimmed crisis-room wall.
/// </summary>
public static class EnkiTheme
{
    private static readonly string[] FontStack = ["Inter", "Roboto", "Segoe UI", "DejaVu Sans", "Helvetica", "Arial", "sans-serif"];

    /// <summary>The one instance every circuit shows (nothing changes a theme at run time): a theme holds some 250 colours.</summary>
    public static MudTheme Shared { get; } = Create();

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#14213d",
            Secondary = "#e85d04",
            Tertiary = "#0077b6",
            AppbarBackground = "#14213d",
            AppbarText = "#ffffff",
            Background = "#f4f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1b263b",
            DrawerIcon = "#415a77",
            Error = "#c1121f",
            Warning = "#e85d04",
            Success = "#2d6a4f",
            Info = "#0077b6",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ecae6",
            Secondary = "#fb8500",
            Tertiary = "#90e0ef",
            AppbarBackground = "#0b1320",
            AppbarText = "#e6edf5",
            Background = "#0f1724",
            Surface = "#16213a",
            DrawerBackground = "#101a2c",
            DrawerText = "#d7e1ec",
            DrawerIcon = "#a9bcd0",
            TextPrimary = "#e6edf5",
            TextSecondary = "#a9bcd0",
            Error = "#ff6b6b",
            Warning = "#fb8500",
            Success = "#52b788",
            Info = "#48cae4",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack, FontWeight = "600" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "248px" },
    };
}
