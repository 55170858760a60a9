using Enki.Domain.Vigilance;
using Enki.Infrastructure.Vigilance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enki.Web.Components.Map;

/// <summary>
/// The map's vigilance overlay: departments under today's vigilance filled with their highest colour (within the
/// viewer's jurisdiction and the map's territory), live, with its legend and Leaflet's layer switch. Not on small
/// embeds, nor on a past instant (vigilance is kept as it stands now only).
/// </summary>
public sealed partial class IncidentMap
{
    private IDisposable? _vigilanceWatch;

    // Resolved when needed rather than injected: a host without the vigilance services (a component test) draws the map without the overlay.
    private VigilanceQueries? Vigilance => Services.GetService<VigilanceQueries>();

    private async Task ShowVigilanceAsync(IJSObjectReference map)
    {
        if (Compact || Past is not null || Services.GetService<VigilanceLiveFeed>() is not { } feed) return;
        _vigilanceWatch ??= Principal.Guard(feed.Subscribe(_ => new ValueTask(InvokeAsync(async () =>
        {
            if (Map is { } current && !IsDisposed) await PaintVigilanceAsync(current);
        }))));
        await PaintVigilanceAsync(map);
    }

    private async Task PaintVigilanceAsync(IJSObjectReference map)
    {
        try
        {
            if (Vigilance is not { } vigilance) return;
            var current = await vigilance.CurrentAsync(await Principal.ViewerAsync(), Scope);
            var painted = current.Where(v => v.DepartmentCode is not null).GroupBy(v => v.DepartmentCode!).ToDictionary(
                g => g.Key,
                g => new VigilancePaint(g.Max(v => v.Colour).Hex(), string.Join(" · ", g.Select(v => v.Words))));
            await map.InvokeVoidAsync("showVigilance", painted);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException || (ex is ObjectDisposedException && IsDisposed))
        {
            LoggerFactory.CreateLogger<IncidentMap>().LogDebug("Vigilance of {Scope} not painted: its browser is gone", Scope);
        }
    }

    private void StopWatchingVigilance()
    {
        _vigilanceWatch?.Dispose();
        _vigilanceWatch = null;
    }

    /// <summary>What the map paints on a department: its colour and the tooltip's words.</summary>
    private sealed record VigilancePaint(string Colour, string Text);
}
