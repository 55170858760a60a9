using Enki.Tests.Events;
using Enki.Tests.Geography;
using Enki.Tests.History;
using Enki.Tests.Incidents;
using Enki.Tests.Indicators;
using Enki.Tests.Mobilisation;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;

namespace Enki.Tests.Persistence.Postgres;

// What must hold on every engine, run again on a real PostgreSQL server: the intake's ordering and
// idempotency, the jurisdiction filters, the version column under concurrent writes, the event stream,
// requests committed with their trail or not at all and their mail handed to the outbox once.

[Collection(GeographyCollection.Name)]
public sealed class IntakeOnPostgresTests(GeographyFixture geography) : IntakeTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class IntakeOrderingOnPostgresTests(GeographyFixture geography) : IntakeOrderingTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class IncidentQueriesOnPostgresTests(GeographyFixture geography) : IncidentQueriesTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class IndicatorQueriesOnPostgresTests(GeographyFixture geography) : IndicatorQueriesTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class IndicatorQueriesOnAggregatesOnPostgresTests(GeographyFixture geography) : IndicatorQueriesTests(geography, TestEngine.PostgreSql, aggregated: true);

[Collection(GeographyCollection.Name)]
public sealed class PopulationTouchedOnPostgresTests(GeographyFixture geography) : PopulationTouchedTests(geography, TestEngine.PostgreSql);

public sealed class MobilisationConcurrencyOnPostgresTests() : MobilisationConcurrencyTests(TestEngine.PostgreSql);

public sealed class EventStreamOnPostgresTests() : EventStreamTests(TestEngine.PostgreSql);

public sealed class MobilisationCommandsOnPostgresTests() : MobilisationCommandsTests(TestEngine.PostgreSql);

public sealed class MobilisationAtomicityOnPostgresTests() : MobilisationAtomicityTests(TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class PastSnapshotsOnPostgresTests(GeographyFixture geography) : PastSnapshotTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class CoverageHourAggregateOnPostgresTests(GeographyFixture geography) : CoverageHourAggregateTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class ResourceHourAggregateOnPostgresTests(GeographyFixture geography) : ResourceHourAggregateTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class VictimChangeAggregateOnPostgresTests(GeographyFixture geography) : VictimChangeAggregateTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class TouchedDepartmentDayOnPostgresTests(GeographyFixture geography) : TouchedDepartmentDayTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class DepartureFromNormalOnPostgresTests(GeographyFixture geography) : DepartureFromNormalQueriesTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class GridDensityOnPostgresTests(GeographyFixture geography) : GridDensityQueriesTests(geography, TestEngine.PostgreSql);

[Collection(GeographyCollection.Name)]
public sealed class GridNationalLevelOnPostgresTests(GeographyFixture geography) : GridNationalLevelTests(geography, TestEngine.PostgreSql);
