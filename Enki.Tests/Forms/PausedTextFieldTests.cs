using Bunit;
using Enki.Tests.Support;
using Enki.Web.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Forms;

/// <summary>
/// A filter's text is reported once typing pauses, and a render of the page during the pause (the address
/// being written) never loses the keys typed meanwhile: MudBlazor's own debounce did (MudBlazor issue 6789).
/// </summary>
public sealed class PausedTextFieldTests : MudBunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string> _reported = [];

    public PausedTextFieldTests() => Services.AddSingleton<TimeProvider>(_clock);

    private IRenderedComponent<PausedTextField> Render(string? value = null) =>
        Render<PausedTextField>(p => p.Add(f => f.Value, value)
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string?>(this, text => _reported.Add(text ?? ""))));

    private static void Type(IRenderedComponent<PausedTextField> field, string text)
    {
        // The field renders again once it has reported (Entrée): a render landing between finding the input and typing in it retires
        // the handler found (seen once in a full run), so the input is found again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                field.Find("input").Input(text);
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 3)
            {
            }
        }
    }

    private static string? Shown(IRenderedComponent<PausedTextField> field) => field.Find("input").GetAttribute("value");

    private void Rest() => _clock.Advance(PausedTextField.Pause);

    [Fact]
    public void Reports_the_text_once_typing_has_rested_for_the_pause()
    {
        var field = Render();
        Type(field, "Ch");
        _clock.Advance(PausedTextField.Pause / 2);
        Type(field, "Chelles");
        _clock.Advance(PausedTextField.Pause / 2);
        Assert.Empty(_reported);

        _clock.Advance(PausedTextField.Pause / 2);

        field.WaitForAssertion(() => Assert.Equal(["Chelles"], _reported));
    }

    [Fact]
    public void The_page_handing_back_the_reported_text_mid_word_keeps_the_keys_typed_since()
    {
        var field = Render();
        Type(field, "Chelle");
        Rest();
        field.WaitForAssertion(() => Assert.Equal(["Chelle"], _reported));
        Type(field, "Chelles");

        // The address now says « Chelle » and the page renders the field with it, the last key still pending.
        field.Render(p => p.Add(f => f.Value, "Chelle"));

        Assert.Equal("Chelles", Shown(field));
        Rest();
        field.WaitForAssertion(() => Assert.Equal(["Chelle", "Chelles"], _reported));
    }

    [Fact]
    public void The_address_trimming_the_reported_text_keeps_the_space_typed()
    {
        var field = Render();
        Type(field, "rue de ");
        Rest();
        field.WaitForAssertion(() => Assert.Equal(["rue de "], _reported));

        field.Render(p => p.Add(f => f.Value, "rue de"));

        Assert.Equal("rue de ", Shown(field));
    }

    [Fact]
    public void A_value_from_elsewhere_replaces_the_text_and_drops_what_was_pending()
    {
        var field = Render("Meaux");
        Type(field, "Meaux nord");

        // The filter's chip was removed.
        field.Render(p => p.Add(f => f.Value, (string?)null));
        Rest();

        Assert.True(string.IsNullOrEmpty(Shown(field)));
        Assert.Empty(_reported);
    }

    [Fact]
    public void Enter_and_clearing_report_at_once()
    {
        var field = Render();
        Type(field, "Meaux");
        field.Find("input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        Assert.Equal(["Meaux"], _reported);

        Type(field, "");
        field.WaitForAssertion(() => Assert.Equal(["Meaux", ""], _reported.ToArray()));

        // Nothing more is reported when the pause runs out.
        Rest();
        Assert.Equal(["Meaux", ""], _reported.ToArray());
    }
}
