using Enki.Application.Mobilisation;
using Enki.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Enki.Tests.Hosting;

/// <summary>
/// Each recurring job runs once per period across the cluster, not once per node: both nodes run
/// Hangfire servers over the shared PostgreSQL storage, and its recurring-job scheduler takes the
/// storage's lock before it enqueues an occurrence. Its own collection, run beside the others: the
/// nodes are processes (no Hangfire statics in this one), and most of the test is waiting for minutes to pass.
/// </summary>
[Collection(Name)]
public sealed class TwoNodesRecurringJobTests(TwoNodes nodes, ITestOutputHelper output) : IClassFixture<TwoNodes>
{
    public const string Name = "two nodes, recurring jobs";

    [SkippableFact]
    public async Task The_deadline_watch_runs_once_a_minute_with_two_nodes_up()
    {
        nodes.Require();
        await using var connection = new NpgsqlConnection(nodes.Database);
        await connection.OpenAsync();
        // Every run of the minutely deadline watch: when its occurrence was created, how many times it
        // started processing, and on which servers (two nodes → two Hangfire servers).
        var sql = $"""
            SELECT date_trunc('minute', j.createdat) AS minute,
                   count(DISTINCT j.id) AS occurrences,
                   count(s.id) FILTER (WHERE s.name = 'Processing') AS processings,
                   count(s.id) FILTER (WHERE s.name = 'Succeeded') AS successes
            FROM hangfire.job j
            JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId' AND p.value = '"{OverdueMobilisationJob.RecurringId}"'
            LEFT JOIN hangfire.state s ON s.jobid = j.id
            GROUP BY 1 ORDER BY 1
            """;
        async Task<List<(DateTime Minute, long Occurrences, long Processings, long Successes)>> RunsAsync()
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var runs = new List<(DateTime, long, long, long)>();
            while (await reader.ReadAsync()) runs.Add((reader.GetDateTime(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            return runs;
        }

        // Two minutes with a finished run: the nodes have been up together for at least one full period.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        var runs = await RunsAsync();
        while (runs.Count(r => r.Successes > 0) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            runs = await RunsAsync();
        }
        foreach (var run in runs) output.WriteLine($"{run.Minute:HH:mm} UTC: {run.Occurrences} occurrence(s), {run.Processings} processing, {run.Successes} succeeded");

        Assert.True(runs.Count(r => r.Successes > 0) >= 2, "the deadline watch did not run twice in five minutes");
        Assert.All(runs, run => Assert.Equal(1, run.Occurrences));
        Assert.All(runs.Where(r => r.Successes > 0), run => Assert.Equal((1L, 1L), (run.Processings, run.Successes)));
    }
}
