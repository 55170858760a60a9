using Enki.Tests.Geography;
using Enki.Tests.Support;

namespace Enki.Tests.Indicators;

/// <summary>Every indicator test again, with the opening hours refreshed first: the pre-aggregate must give the hand-computed figures.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IndicatorQueriesOnAggregatesTests(GeographyFixture geography) : IndicatorQueriesTests(geography, TestEngine.Sqlite, aggregated: true);
