using Bunit;
using Enki.Tests.Support;
using Enki.Web.Components.Theme;
using MudBlazor;

namespace Enki.Tests.Layout;

public sealed class SharedThemeProviderTests : MudBunitContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void It_renders_what_MudThemeProvider_renders_for_the_same_theme_and_mode(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(t => t.Theme, EnkiTheme.Shared).Add(t => t.IsDarkMode, dark));
        var shared = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, EnkiTheme.Shared).Add(t => t.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary:", shared.Markup);
        Assert.Equal(mud.Markup, shared.Markup);
    }

    [Fact]
    public void Every_circuit_holds_the_same_stylesheet_and_the_mode_changes_it()
    {
        var one = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, EnkiTheme.Shared));
        var other = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, EnkiTheme.Shared));
        var light = one.Markup;

        Assert.Equal(light, other.Markup);
        one.Render(p => p.Add(t => t.IsDarkMode, true));
        Assert.NotEqual(light, one.Markup);
    }
}
