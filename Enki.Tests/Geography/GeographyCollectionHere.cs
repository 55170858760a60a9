namespace Enki.Tests.Geography;

/// <summary>
/// xunit finds collection definitions in the test assembly only: the web tests' own definition of the
/// geography collection, over the fixture kept with the fast tests.
/// </summary>
[CollectionDefinition(GeographyCollection.Name)]
public sealed class GeographyCollectionHere : ICollectionFixture<GeographyFixture>;
