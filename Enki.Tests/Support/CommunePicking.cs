using Microsoft.Playwright;

namespace Enki.Tests.Support;

public static class CommunePicking
{
    /// <summary>
    /// Picks a commune in the page's commune field and waits until the choice has settled: the field shows
    /// it and its list has closed. MudBlazor gives the focus back to the field after a choice; a test that
    /// types in the next field before that loses what it typed there (a person is never that fast).
    /// </summary>
    public static async Task PickCommuneAsync(this IPage page, string typed, string choice)
    {
        var field = page.Locator(".mud-autocomplete input");
        await field.FillAsync(typed);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = choice }).First.ClickAsync();
        await Assertions.Expect(field).ToHaveValueAsync(choice);
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
