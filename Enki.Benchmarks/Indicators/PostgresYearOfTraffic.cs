using Enki.Domain.Geography;
using Enki.Infrastructure.Indicators.Aggregates;
using Npgsql;
using NpgsqlTypes;

namespace Enki.Benchmarks.Indicators;

/// <summary>
/// <see cref="YearOfTraffic"/>'s year on PostgreSQL, copied inside the server: the communes are drawn here
/// by population (<see cref="PlacesByPopulation"/>) and sent by binary COPY; the server draws each copy's
/// template and instant of the year (<c>generate_series</c>, <c>random()</c> seeded) and writes the
/// incidents and their events by <c>INSERT … SELECT</c> over the template rows, every time column, every
/// event and every resource time shifted by the same interval. Event payloads keep their template's ids.
/// </summary>
internal static class PostgresYearOfTraffic
{
    private const int Chunk = 100_000;

    // An ISO time inside the resources document, its offset apart (the copy keeps it, as the SQLite copy does).
    private const string IsoTime = "\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)(Z|[+-]\\d\\d:\\d\\d)\"";

    public static async Task<int> CopyAsync(string connectionString, FrenchGeography geography, int target, DateTimeOffset end, int seed)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            CREATE TEMP TABLE template_incidents AS
                SELECT (row_number() OVER (ORDER BY "OpenedAt", "Id"))::int - 1 AS template, * FROM "Incidents" WHERE NOT "IsExercise";
            CREATE TEMP TABLE template_events AS
                SELECT t.template, e.* FROM "Events" e JOIN template_incidents t ON e."SubjectId" = t."Id";
            CREATE INDEX ON template_events (template);
            """);
        var templates = (int)(long)(await Scalar(connection, "SELECT count(*) FROM template_incidents"))!;
        if (templates == 0) throw new InvalidOperationException("no template incident: the background traffic left nothing");
        var copies = Math.Max(0, target - templates);

        var random = new Random(seed);
        await DrawPlacesAsync(connection, PlacesByPopulation.Of(geography), copies, random);
        // Any minute of the year before the end, the template's own hour of day kept roughly (whole days ± 3 hours),
        // its latest template moved to the end: drawn once per copy so the incident and its events move alike.
        await Execute(connection, $"""
            SELECT setseed(@seed);
            CREATE TEMP TABLE copies AS
                SELECT g AS n, floor(random() * {templates})::int AS template, gen_random_uuid() AS id,
                       make_interval(days => -floor(random() * 366)::int, mins => floor(random() * 360)::int - 180)
                         + (@end - (SELECT max("OpenedAt") FROM template_incidents)) AS shift
                FROM generate_series(1, {copies}) g;
            CREATE UNIQUE INDEX ON copies (n);
            ANALYZE template_incidents, template_events, copies, drawn_places;
            """, ("seed", random.NextDouble() * 2 - 1), ("end", end));
        await Execute(connection, $"""
            CREATE FUNCTION pg_temp.shift_times(document text, shift interval) RETURNS text LANGUAGE sql STABLE AS $$
                SELECT string_agg(piece.part || coalesce('"' || to_char(
                           ((hit.found[1]::timestamp AT TIME ZONE hit.offset_of) + shift) AT TIME ZONE hit.offset_of, 'YYYY-MM-DD"T"HH24:MI:SS')
                           || hit.offset_text || '"', ''), '' ORDER BY piece.n)
                FROM regexp_split_to_table(document, '{IsoTime}') WITH ORDINALITY AS piece(part, n)
                LEFT JOIN (SELECT found, n, offset_text, offset_text::interval AS offset_of
                           FROM regexp_matches(document, '{IsoTime}', 'g') WITH ORDINALITY AS m(found, n),
                                replace(found[2], 'Z', '+00:00') AS offset_text) hit ON hit.n = piece.n
            $$;
            """);

        var insertIncidents = InsertSelect(await ColumnsAsync(connection, "Incidents"), "template_incidents t", column => column switch
        {
            "Id" => "c.id",
            "CaseId" or "SenderCaseId" => $"t.\"{column}\" || '-A' || c.n",
            "CommuneCode" => "p.commune_code",
            "CommuneName" => "p.commune_name",
            "DepartmentCode" => "p.department_code",
            "ZoneCode" => "p.zone_code",
            "Latitude" => "p.latitude",
            "Longitude" => "p.longitude",
            "Caller" => "NULL",
            "Resources" => "pg_temp.shift_times(t.\"Resources\", c.shift)",
            _ when YearOfTraffic.TimeColumns.Contains(column) => $"t.\"{column}\" + c.shift",
            _ => $"t.\"{column}\"",
        }, "Incidents");
        // Sequences follow the stream's head, copy after copy, each copy's events in their template's order.
        var insertEvents = InsertSelect(await ColumnsAsync(connection, "Events"), "template_events t", column => column switch
        {
            "Sequence" => "(SELECT \"LastSequence\" FROM \"EventStreamHead\") + row_number() OVER (ORDER BY c.n, t.\"Sequence\")",
            "SubjectId" => "c.id",
            "CommuneCode" => "p.commune_code",
            "DepartmentCode" => "p.department_code",
            "ZoneCode" => "p.zone_code",
            "OccurredAt" or "RecordedAt" => $"t.\"{column}\" + c.shift",
            _ => $"t.\"{column}\"",
        }, "Events");
        for (var from = 1; from <= copies; from += Chunk)
        {
            var last = Math.Min(copies, from + Chunk - 1);
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, insertIncidents, ("from", from), ("to", last));
            await Execute(connection, insertEvents, ("from", from), ("to", last));
            await Execute(connection, """UPDATE "EventStreamHead" SET "LastSequence" = (SELECT coalesce(max("Sequence"), 0) FROM "Events")""");
            await transaction.CommitAsync();
            Console.Error.Write($"\r  {templates + last:N0} incidents");
        }
        Console.Error.WriteLine();

        // The copies are history every handler has already seen: the handlers move past them (the head moved with each chunk).
        // They also bypass the context that marks their opening hours: leave the migration's « every hour » mark again, so
        // the next start rebuilds the pre-aggregate rather than trust the template traffic's few rows (see YearOfTraffic).
        var everything = OpenedHourMark.Everything;
        await Execute(connection, """
            UPDATE "EventHandlerPositions" SET "Position" = (SELECT "LastSequence" FROM "EventStreamHead");
            INSERT INTO "IndicatorOpenedHourMarks" ("Id", "Hour") VALUES (@id, @hour) ON CONFLICT DO NOTHING;
            """, ("id", everything.Id), ("hour", everything.Hour));
        // VACUUM as well as ANALYZE: the visibility map lets the first queries use index-only scans, instead of
        // autovacuum setting it in the middle of the measures.
        await Execute(connection, "VACUUM (ANALYZE)");
        return templates;
    }

    /// <summary>The drawn communes (jittered around their interior point, as the SQLite copy does), numbered 1…count, by binary COPY.</summary>
    private static async Task DrawPlacesAsync(NpgsqlConnection connection, PlacesByPopulation places, int count, Random random)
    {
        await Execute(connection, """
            CREATE TEMP TABLE drawn_places (n int PRIMARY KEY, commune_code text, commune_name text, department_code text,
                                            zone_code text, latitude double precision, longitude double precision)
            """);
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY drawn_places (n, commune_code, commune_name, department_code, zone_code, latitude, longitude) FROM STDIN (FORMAT BINARY)");
        for (var n = 1; n <= count; n++)
        {
            var place = places.Draw(random);
            await import.StartRowAsync();
            await import.WriteAsync(n, NpgsqlDbType.Integer);
            await import.WriteAsync(place.Commune.InseeCode, NpgsqlDbType.Text);
            await import.WriteAsync(place.Commune.Name, NpgsqlDbType.Text);
            await import.WriteAsync(place.Commune.DepartmentCode, NpgsqlDbType.Text);
            await import.WriteAsync(place.ZoneCode, NpgsqlDbType.Text);
            await import.WriteAsync(place.Latitude + (random.NextDouble() - 0.5) * 0.01, NpgsqlDbType.Double);
            await import.WriteAsync(place.Longitude + (random.NextDouble() - 0.5) * 0.01, NpgsqlDbType.Double);
        }
        await import.CompleteAsync();
    }

    /// <summary>Copies @from…@to of <paramref name="templates"/> into the table, each column by its expression.</summary>
    private static string InsertSelect(IReadOnlyList<string> columns, string templates, Func<string, string> expression, string table) => $"""
        INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
        SELECT {string.Join(", ", columns.Select(expression))}
        FROM copies c JOIN drawn_places p ON p.n = c.n JOIN {templates} ON t.template = c.template
        WHERE c.n BETWEEN @from AND @to
        """;

    private static async Task<IReadOnlyList<string>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position", connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
