namespace Enki.Domain.Indicators.Pins;

/// <summary>Where a pinned indicator is shown.</summary>
public enum PinBoard
{
    /// <summary>A crisis's dashboard (its page).</summary>
    Crisis,
    /// <summary>The wall display of a territory.</summary>
    Wall,
}

/// <summary>
/// An indicator view pinned to a crisis's dashboard or to a territory's wall, shown there as a compact card.
/// The view is the address of the « Indicateurs » page that shows it in full (its query, French names), kept
/// as written: the card computes it again at each showing, for whoever looks, inside their jurisdiction.
/// </summary>
public sealed class IndicatorPin
{
    public const int ViewMaxLength = 1000;
    public const int TitleMaxLength = 200;

    private IndicatorPin() { }

    public Guid Id { get; private set; }

    public PinBoard Board { get; private set; }

    /// <summary>The crisis of a crisis pin.</summary>
    public Guid? CrisisId { get; private set; }

    /// <summary>The wall's territory (<c>departement:77</c>) of a wall pin.</summary>
    public string? WallScope { get; private set; }

    /// <summary>The page's path and query (<c>indicateurs/departement/77?indicateur=…</c>).</summary>
    public string View { get; private set; } = "";

    /// <summary>What the card is titled: the indicator's name and territory, in French.</summary>
    public string Title { get; private set; } = "";

    public string PinnedById { get; private set; } = "";

    public string PinnedByName { get; private set; } = "";

    public DateTimeOffset PinnedAt { get; private set; }

    public static IndicatorPin OnCrisis(Guid crisisId, string view, string title, string byId, string byName, DateTimeOffset at) =>
        Create(PinBoard.Crisis, crisisId, null, view, title, byId, byName, at);

    public static IndicatorPin OnWall(string wallScope, string view, string title, string byId, string byName, DateTimeOffset at) =>
        Create(PinBoard.Wall, null, wallScope, view, title, byId, byName, at);

    private static IndicatorPin Create(PinBoard board, Guid? crisisId, string? wallScope, string view, string title, string byId, string byName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(view) || view.Length > ViewMaxLength)
        {
            throw new ArgumentException("Vue d'indicateur vide ou trop longue.", nameof(view));
        }
        return new IndicatorPin
        {
            Id = Guid.NewGuid(),
            Board = board,
            CrisisId = crisisId,
            WallScope = wallScope,
            View = view.Trim(),
            Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title,
            PinnedById = byId,
            PinnedByName = byName,
            PinnedAt = at,
        };
    }
}
