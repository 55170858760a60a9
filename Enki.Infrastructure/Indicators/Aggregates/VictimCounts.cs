namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>A row's victims by category (counts, or changes of counts), in columns.</summary>
public abstract class VictimCounts
{
    public int Deceased { get; set; }

    public int Red { get; set; }

    public int Yellow { get; set; }

    public int Green { get; set; }

    public int Missing { get; set; }

    public int Evacuated { get; set; }

    public int Displaced { get; set; }

    /// <summary>In the order of <see cref="Domain.Indicators.IndicatorCatalogue.VictimCategories"/>.</summary>
    public int[] ByCategory() => [Deceased, Red, Yellow, Green, Missing, Evacuated, Displaced];

    /// <param name="byCategory">In the order of <see cref="Domain.Indicators.IndicatorCatalogue.VictimCategories"/>.</param>
    protected void SetByCategory(int[] byCategory) =>
        (Deceased, Red, Yellow, Green, Missing, Evacuated, Displaced) =
        (byCategory[0], byCategory[1], byCategory[2], byCategory[3], byCategory[4], byCategory[5], byCategory[6]);
}
