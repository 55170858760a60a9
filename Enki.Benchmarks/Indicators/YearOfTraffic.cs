using System.Globalization;
using System.Text.RegularExpressions;
using Enki.Domain.Geography;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.Data.Sqlite;

namespace Enki.Benchmarks.Indicators;

/// <summary>
/// A year of national traffic built from a few weeks of real intake: every incident the simulator's
/// background traffic left in the database (through the NexSIS push, the intake and the event stream)
/// is a template, copied again and again straight into the tables — each copy moved to a commune drawn
/// by population over the whole country (its outline's interior point, jittered) and to a random
/// instant of the year, every time column, every resource status time and every event shifted alike.
/// Event payloads keep their template's ids: no indicator reads them for that.
/// </summary>
internal static partial class YearOfTraffic
{
    // EF's DateTimeOffsetToBinaryConverter: ((ticks / 1000) << 11) | offset minutes; a shift adds to the high part alone.
    private static long Shift(long stored, TimeSpan by) => stored + ((by.Ticks / 1000) << 11);

    /// <summary>The incident's time columns, every one shifted by a copy's move in time (both engines; an empty one stays empty).</summary>
    internal static readonly string[] TimeColumns =
        ["CreatedAt", "OpenedAt", "ReceivedAt", "UpdatedAt", "QualificationAsOf", "StatusAsOf", "VictimsAsOf", "FirstResourceStatusAt", "LastResourceStatusAt"];

    public static async Task<int> CopyAsync(string databaseFile, FrenchGeography geography, int target, DateTimeOffset end, int seed)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        var templates = await ReadTemplatesAsync(connection);
        if (templates.Count == 0) throw new InvalidOperationException("no template incident: the background traffic left nothing");
        var columns = templates[0].Values.Keys.ToList();
        var places = PlacesByPopulation.Of(geography);
        var random = new Random(seed);
        var latestTemplate = templates.Max(t => t.OpenedAt);
        var present = templates.Count;
        var copies = 0;
        while (present < target)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var insertIncident = Command(connection, transaction, "Incidents", columns);
            var eventColumns = new[] { "Type", "SubjectId", "CommuneCode", "DepartmentCode", "ZoneCode", "IsExercise", "Payload", "OccurredAt", "RecordedAt" };
            var insertEvent = Command(connection, transaction, "Events", eventColumns);
            for (var n = 0; n < 20_000 && present < target; n++, present++, copies++)
            {
                var template = templates[random.Next(templates.Count)];
                // Any minute of the year before the end, the template's own hour of day kept roughly (whole days + a few hours).
                var by = TimeSpan.FromDays(-random.Next(0, 366)) + TimeSpan.FromMinutes(random.Next(-180, 180)) + (end - latestTemplate);
                var place = places.Draw(random);
                var id = Guid.NewGuid().ToString().ToUpperInvariant();
                foreach (var (column, value) in template.Values)
                {
                    insertIncident.Parameters["$" + column].Value = column switch
                    {
                        "Id" => id,
                        "CaseId" or "SenderCaseId" => value is string s ? $"{s}-A{copies}" : DBNull.Value,
                        "CommuneCode" => place.Commune.InseeCode,
                        "CommuneName" => place.Commune.Name,
                        "DepartmentCode" => place.Commune.DepartmentCode,
                        "ZoneCode" => place.ZoneCode,
                        "Latitude" => place.Latitude + (random.NextDouble() - 0.5) * 0.01,
                        "Longitude" => place.Longitude + (random.NextDouble() - 0.5) * 0.01,
                        "Caller" => DBNull.Value,
                        "Resources" => ShiftTimes((string)value, by),
                        _ when TimeColumns.Contains(column) => value is long stored ? Shift(stored, by) : DBNull.Value,
                        _ => value,
                    };
                }
                await insertIncident.ExecuteNonQueryAsync();
                foreach (var e in template.Events)
                {
                    insertEvent.Parameters["$Type"].Value = e.Type;
                    insertEvent.Parameters["$SubjectId"].Value = id;
                    insertEvent.Parameters["$CommuneCode"].Value = place.Commune.InseeCode;
                    insertEvent.Parameters["$DepartmentCode"].Value = place.Commune.DepartmentCode;
                    insertEvent.Parameters["$ZoneCode"].Value = place.ZoneCode;
                    insertEvent.Parameters["$IsExercise"].Value = e.IsExercise;
                    insertEvent.Parameters["$Payload"].Value = e.Payload;
                    insertEvent.Parameters["$OccurredAt"].Value = Shift(e.OccurredAt, by);
                    insertEvent.Parameters["$RecordedAt"].Value = Shift(e.RecordedAt, by);
                    await insertEvent.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
            Console.Error.Write($"\r  {present:N0} incidents");
        }
        Console.Error.WriteLine();
        // The copies are history every handler has already seen: the stream's head and the handlers move past them.
        await Execute(connection, """
            UPDATE EventStreamHead SET LastSequence = (SELECT max(Sequence) FROM Events);
            UPDATE EventHandlerPositions SET Position = (SELECT max(Sequence) FROM Events);
            PRAGMA wal_checkpoint(TRUNCATE);
            ANALYZE;
            """);
        // The copies bypass the context that marks their opening hours: leave the migration's « every hour » mark
        // again, so the next start rebuilds the pre-aggregate rather than trust the template traffic's few rows.
        var everything = OpenedHourMark.Everything;
        await Execute(connection, $"INSERT OR IGNORE INTO IndicatorOpenedHourMarks (Id, Hour) VALUES " +
                                  $"('{everything.Id.ToString().ToUpperInvariant()}', {(everything.Hour.UtcTicks / 1000) << 11})");
        return templates.Count;
    }

    /// <summary>Every ISO time inside a resources document, moved by the same shift (offsets kept).</summary>
    private static string ShiftTimes(string json, TimeSpan by) => IsoTime().Replace(json, match =>
        "\"" + DateTimeOffset.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture).Add(by).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) + "\"");

    [GeneratedRegex("\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d))\"")]
    private static partial Regex IsoTime();

    private sealed record Template(Dictionary<string, object> Values, long OpenedAtStored, IReadOnlyList<StoredEventRow> Events)
    {
        public DateTimeOffset OpenedAt => new(((OpenedAtStored >> 11) * 1000), TimeSpan.Zero);
    }

    private sealed record StoredEventRow(string Type, long IsExercise, string Payload, long OccurredAt, long RecordedAt);

    private static async Task<List<Template>> ReadTemplatesAsync(SqliteConnection connection)
    {
        var events = new Dictionary<string, List<StoredEventRow>>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT SubjectId, Type, IsExercise, Payload, OccurredAt, RecordedAt FROM Events WHERE SubjectId IN (SELECT Id FROM Incidents) ORDER BY Sequence";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var subject = reader.GetString(0);
                if (!events.TryGetValue(subject, out var list)) events[subject] = list = [];
                list.Add(new StoredEventRow(reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }
        var templates = new List<Template>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT * FROM Incidents WHERE IsExercise = 0";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new Dictionary<string, object>();
                for (var i = 0; i < reader.FieldCount; i++) values[reader.GetName(i)] = reader.GetValue(i);
                templates.Add(new Template(values, (long)values["OpenedAt"], events.GetValueOrDefault((string)values["Id"]) ?? []));
            }
        }
        return templates;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns) command.Parameters.Add(new SqliteParameter("$" + column, null));
        return command;
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
