using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Incidents;
using Enki.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enki.Tests.Map;

/// <summary>The marker layers of the live path (<see cref="LiveTerritories"/>): read once per change, formatted once, sent as differences.</summary>
public sealed class LiveMarkerLayersTests : IDisposable
{
    private static readonly Jurisdiction Seine = Jurisdiction.Department("77");
    private readonly ControlledQueries _queries = new();
    private readonly FakeChangeFeed _feed = new();
    private readonly LiveTerritories _territories;
    private readonly IDisposable _map;
    private int _moved;

    public LiveMarkerLayersTests()
    {
        _territories = new LiveTerritories(_feed, NoFigures.Queries, _queries, TimeProvider.System, NullLogger<LiveTerritories>.Instance);
        _map = _territories.WatchMarkers(Seine, () => Interlocked.Increment(ref _moved));
    }

    public void Dispose()
    {
        _map.Dispose();
        _territories.Dispose();
    }

    private static MarkerLayerPayload Parse(byte[]? payload) =>
        JsonSerializer.Deserialize<MarkerLayerPayload>(Assert.IsType<byte[]>(payload), JsonSerializerOptions.Web)!;

    private Task ChangeInSeineAsync(bool exercise = false) =>
        _feed.PublishAsync([FakeChangeFeed.Change("77108", "77", "PARIS", exercise)]).AsTask();

    [Fact]
    public async Task A_new_map_receives_the_whole_layer_and_nothing_more_until_a_change()
    {
        var first = await _territories.MarkersAsync(Seine, drawnVersion: 0);
        var layer = Parse(first.Payload);
        Assert.False(layer.Partial);
        Assert.Equal(_queries.Markers.Select(m => m.Id), layer.Markers.Select(m => m.Id));

        _queries.Answer([.. _queries.Markers.Skip(1)]); // in the store, but no change told about it
        var again = await _territories.MarkersAsync(Seine, first.Version);
        Assert.Equal(first.Version, again.Version);
        Assert.Null(again.Payload);
        Assert.Equal(1, _queries.Reads);
    }

    [Fact]
    public async Task A_map_one_version_behind_receives_only_what_changed_and_a_map_further_behind_the_whole_layer()
    {
        var first = await _territories.MarkersAsync(Seine, 0);
        var moved = _queries.Markers[0] with { Status = Domain.Incidents.IncidentStatus.Completed };
        var gone = _queries.Markers[1];
        _queries.Answer([moved, _queries.Markers[2]]);
        await ChangeInSeineAsync();

        var next = await _territories.MarkersAsync(Seine, first.Version);
        var delta = Parse(next.Payload);
        Assert.True(delta.Partial);
        Assert.Equal("Terminé", Assert.Single(delta.Markers).Status);
        Assert.Equal(gone.Id, Assert.Single(delta.Removed));

        var stale = await _territories.MarkersAsync(Seine, 0);
        Assert.Equal(next.Version, stale.Version);
        Assert.False(Parse(stale.Payload).Partial);
        Assert.Equal(2, Parse(stale.Payload).Markers.Count);
    }

    [Fact]
    public async Task Maps_asking_together_share_one_read_formatted_and_serialized_once()
    {
        _queries.Hold();
        var one = _territories.MarkersAsync(Seine, 0);
        var other = _territories.MarkersAsync(Seine, 0);
        _queries.Release();

        Assert.Same((await one).Payload, (await other).Payload);
        Assert.Equal(1, _queries.Reads);
        Assert.Equal(1, _territories.Watched);
    }

    [Fact]
    public async Task A_new_answer_with_the_same_markers_sends_nothing_to_an_up_to_date_map()
    {
        var first = await _territories.MarkersAsync(Seine, 0);
        _queries.Answer([.. _queries.Markers]);
        await ChangeInSeineAsync();

        var next = await _territories.MarkersAsync(Seine, first.Version);

        Assert.Equal(first.Version + 1, next.Version);
        Assert.Null(next.Payload);
    }

    [Fact]
    public async Task Only_a_real_change_inside_the_territory_tells_its_maps_and_reads_the_markers_again()
    {
        await _territories.MarkersAsync(Seine, 0);

        await ChangeInSeineAsync(exercise: true);
        await _feed.PublishAsync([FakeChangeFeed.Change("35126", "35", "OUEST")]);
        await _territories.MarkersAsync(Seine, 1);
        Assert.Equal((0, 1), (_moved, _queries.Reads));

        await ChangeInSeineAsync();
        await _territories.MarkersAsync(Seine, 1);
        Assert.Equal((1, 2), (_moved, _queries.Reads));
    }

    [Fact]
    public void The_territory_is_dropped_when_its_last_map_leaves()
    {
        using var second = _territories.WatchMarkers(Seine, () => { });
        _map.Dispose();
        Assert.Equal(1, _territories.Watched);

        second.Dispose();

        Assert.Equal(0, _territories.Watched);
    }

    /// <summary>Answers with the same list until told otherwise; counts its reads; can hold them to let maps ask together.</summary>
    private sealed class ControlledQueries : IIncidentMapQueries
    {
        private readonly FakeIncidentMapQueries _source = new();
        private IReadOnlyList<IncidentMarker> _answer;
        private TaskCompletionSource _held = new();
        private int _reads;

        public ControlledQueries()
        {
            var third = _source.Markers[0] with { Id = Guid.NewGuid(), CommuneName = "Torcy" };
            _answer = [.. _source.Markers, third];
            _held.SetResult();
        }

        public IReadOnlyList<IncidentMarker> Markers => _answer;

        public int Reads => Volatile.Read(ref _reads);

        public void Answer(IReadOnlyList<IncidentMarker> markers) => _answer = markers;

        public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _held.SetResult();

        public async Task<IReadOnlyList<IncidentMarker>> MarkersAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            await _held.Task;
            return _answer;
        }

        public Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
            _source.InProgressByDepartmentAsync(scope, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> InProgressByZoneAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
            _source.InProgressByZoneAsync(scope, cancellationToken);
    }
}
