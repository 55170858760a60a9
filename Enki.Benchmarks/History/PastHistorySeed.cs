using System.Data.Common;
using Enki.Application.Intake;
using Enki.Domain.Events;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enki.Benchmarks.History;

/// <summary>
/// A national history written straight into the event stream of a SQLite file: <c>count</c> incidents at a steady
/// 11,000 a day (about France's daily SDIS activity), a fifth in Seine-et-Marne (a long storm), each opened, under
/// way, given resources, for 30 % given victims, then completed (3 % cancelled) 30 minutes to 8 hours later; each
/// event recorded 5 to 60 seconds after it happened, 3 % of them 10 to 90 minutes late. Events are numbered in
/// the order Enki recorded them, as the stream head does, and written in transactions of 50,000 rows with one
/// prepared statement (no EF), so a million incidents take a minute or two. The <c>Incidents</c> table is left
/// empty: the past is read from the stream and the snapshots only.
/// </summary>
internal static class PastHistorySeed
{
    public const int PerDay = 11_000;

    private static readonly string[] Natures =
        ["C01.01.00", "C02.01.00", "C03.01.00", "C04.02.01", "C04.01.00", "C05.01.00", "C06.01.00", "C07.01.00", "C08.01.00", "C09.01.00", "C10.01.00", "C11.01.00"];

    private static readonly DateTimeOffsetToBinaryConverter Ticks = new();

    /// <summary>Writes the history ending at <paramref name="end"/>; returns the number of events.</summary>
    public static async Task<long> SeedAsync(DbConnection connection, FrenchGeography geography, int count, DateTimeOffset end)
    {
        var random = new Random(18);
        var storm = geography.CommunesOfDepartment("77");
        var all = geography.Communes;
        var natures = Natures.Select(n => NexsisTranslation.Nature(n, null)).ToArray();
        var span = TimeSpan.FromDays((double)count / PerDay);
        var start = end - span - TimeSpan.FromHours(9);
        var pending = new PriorityQueue<(IncidentEvent Event, DateTimeOffset RecordedAt), (DateTimeOffset, long)>();
        var writer = new EventWriter(connection);
        long order = 0;
        for (var n = 0; n < count; n++)
        {
            var at = start + span * ((double)n / count); // span * n overflows a TimeSpan at a million
            // Every event still pending is recorded after its incident's opening: those recorded before this one's are final.
            while (pending.TryPeek(out var next, out var key) && key.Item1 < at)
            {
                pending.Dequeue();
                await writer.WriteAsync(next.Event, next.RecordedAt);
            }
            var commune = random.Next(5) == 0 ? storm[random.Next(storm.Count)] : all[random.Next(all.Count)];
            var department = geography.DepartmentOf(commune);
            var id = Guid.CreateVersion7(at);
            IncidentSubject Subject(IncidentStatus status) =>
                new(id, $"fr.fire.bench.{n:D7}", commune.InseeCode, department.Code, department.ZoneCode, false, status);
            var nature = natures[random.Next(natures.Length)];
            var events = new List<IncidentEvent>
            {
                new IncidentOpened(Subject(IncidentStatus.Reported), at, nature.Code, nature.Family, nature.Label, at, at),
                new IncidentStatusChanged(Subject(IncidentStatus.InProgress), at.AddMinutes(random.Next(3, 10)), IncidentStatus.Reported),
                new IncidentResourcesChanged(Subject(IncidentStatus.InProgress), at.AddMinutes(random.Next(5, 15)), random.Next(1, 7), []),
            };
            if (random.Next(10) < 3)
            {
                var victims = new IncidentVictims(null, random.Next(3) == 0 ? 1 : 0, random.Next(3), random.Next(4), 0, 0, random.Next(5) == 0 ? 10 : 0, 0);
                events.Add(new IncidentVictimsChanged(Subject(IncidentStatus.InProgress), at.AddMinutes(random.Next(15, 40)), IncidentVictims.None, victims));
            }
            var closing = random.Next(100) < 3 ? IncidentStatus.Cancelled : IncidentStatus.Completed;
            events.Add(new IncidentClosed(Subject(closing), at.AddMinutes(random.Next(30, 480)), IncidentStatus.InProgress));
            foreach (var happened in events)
            {
                var when = happened.OccurredAt.AddSeconds(random.Next(5, 60));
                if (random.Next(100) < 3) when = when.AddMinutes(random.Next(10, 90));
                pending.Enqueue((happened, when), (when, order++));
            }
        }
        while (pending.TryDequeue(out var last, out _))
        {
            await writer.WriteAsync(last.Event, last.RecordedAt);
        }
        return await writer.FinishAsync();
    }

    /// <summary>Numbered rows in transactions of 50,000, through one prepared INSERT; each moves the stream head.</summary>
    private sealed class EventWriter
    {
        private const int PerTransaction = 50_000;
        private readonly DbConnection _connection;
        private readonly DbCommand _insert;
        private DbTransaction? _transaction;
        private long _sequence;
        private long _written;

        /// <summary>
        /// Each transaction numbers from the stream's head and moves it at its commit, as Enki's own writers do: what the
        /// app writes meanwhile (a demo's accounts, a job) takes the numbers after it.
        /// </summary>
        public EventWriter(DbConnection connection)
        {
            _connection = connection;
            _insert = connection.CreateCommand();
            _insert.CommandText = """
                INSERT INTO Events (Sequence, Type, SubjectId, CommuneCode, DepartmentCode, ZoneCode, IsExercise, Payload, OccurredAt, RecordedAt)
                VALUES ($s, $t, $id, $c, $d, $z, 0, $p, $o, $r)
                """;
            foreach (var name in (string[])["$s", "$t", "$id", "$c", "$d", "$z", "$p", "$o", "$r"])
            {
                var parameter = _insert.CreateParameter();
                parameter.ParameterName = name;
                _insert.Parameters.Add(parameter);
            }
        }

        public async Task WriteAsync(DomainEvent happened, DateTimeOffset recordedAt)
        {
            if (_transaction is null)
            {
                // Microsoft.Data.Sqlite begins IMMEDIATE: the head read here stays ours until the commit.
                _transaction = await _connection.BeginTransactionAsync();
                _insert.Transaction = _transaction;
                await using var head = _connection.CreateCommand();
                head.Transaction = _transaction;
                head.CommandText = "SELECT LastSequence FROM EventStreamHead";
                _sequence = Convert.ToInt64(await head.ExecuteScalarAsync());
            }
            var row = EventCatalog.ToRow(happened);
            _insert.Parameters[0].Value = ++_sequence;
            _insert.Parameters[1].Value = row.Type;
            // Microsoft.Data.Sqlite writes a Guid as text in upper case, as EF does.
            _insert.Parameters[2].Value = row.SubjectId!.Value.ToString().ToUpperInvariant();
            _insert.Parameters[3].Value = row.CommuneCode;
            _insert.Parameters[4].Value = row.DepartmentCode;
            _insert.Parameters[5].Value = row.ZoneCode;
            _insert.Parameters[6].Value = row.Payload;
            _insert.Parameters[7].Value = Ticks.ConvertToProvider(row.OccurredAt);
            _insert.Parameters[8].Value = Ticks.ConvertToProvider(recordedAt.ToUniversalTime());
            await _insert.ExecuteNonQueryAsync();
            if (++_written % PerTransaction == 0) await CommitAsync();
        }

        public async Task<long> FinishAsync()
        {
            if (_transaction is not null) await CommitAsync();
            return _written;
        }

        private async Task CommitAsync()
        {
            await using (var head = _connection.CreateCommand())
            {
                head.Transaction = _transaction;
                head.CommandText = $"UPDATE EventStreamHead SET LastSequence = {_sequence}";
                await head.ExecuteNonQueryAsync();
            }
            await _transaction!.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }
}
