using Enki.Domain.Geography;
using Enki.Infrastructure.Geography;

namespace Enki.Tests.Geography;

/// <summary>Loads the embedded geography once for all geography tests (about a second).</summary>
public sealed class GeographyFixture
{
    public FrenchGeography Geography { get; } = FrenchGeographyLoader.Load();
}

[CollectionDefinition(Name)]
public sealed class GeographyCollection : ICollectionFixture<GeographyFixture>
{
    public const string Name = "Geography";
}
