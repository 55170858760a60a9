using Enki.Web.Components.Indicators;

namespace Enki.Tests.Indicators;

public sealed class ChoroplethClassesTests
{
    [Fact]
    public void Five_quantile_classes_break_at_observed_values_by_nearest_rank()
    {
        // Ten values: breaks at ranks 2, 4, 6, 8, 10 of the sorted list.
        var classes = ChoroplethClasses.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, null]);

        Assert.Equal(["1 à 2", "3 à 4", "5 à 6", "7 à 8", "9 à 10"], classes.Select(c => c.Label));
        Assert.Equal("#ffffb2", ChoroplethClasses.ColourOf(classes, 1));
        Assert.Equal("#bd0026", ChoroplethClasses.ColourOf(classes, 10));
        Assert.Null(ChoroplethClasses.ColourOf(classes, 0));
        Assert.Null(ChoroplethClasses.ColourOf(classes, null));
    }

    [Fact]
    public void Few_distinct_values_make_fewer_classes_light_to_dark()
    {
        var classes = ChoroplethClasses.Of([1, 1, 1, 5]);

        Assert.Equal(["1", "5"], classes.Select(c => c.Label));
        Assert.Equal(["#fecc5c", "#bd0026"], classes.Select(c => c.Colour));
        // Ties: the median of [1.5, 2, 2, 2] is already the maximum, one class.
        Assert.Equal(["1,5 à 2"], ChoroplethClasses.Of([2, 2, 2, 1.5]).Select(c => c.Label));
        Assert.Empty(ChoroplethClasses.Of([0, null]));
    }
}
