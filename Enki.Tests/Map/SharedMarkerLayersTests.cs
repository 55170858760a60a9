using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Incidents;
using Enki.Web.Components.Map;

namespace Enki.Tests.Map;

public sealed class SharedMarkerLayersTests
{
    private static readonly Jurisdiction Seine = Jurisdiction.Departement("77");
    private readonly ControlledQueries _queries = new();
    private readonly SharedMarkerLayers _layers;

    public SharedMarkerLayersTests() => _layers = new SharedMarkerLayers(_queries);

    private static MarkerLayerPayload Parse(byte[]? payload) =>
        JsonSerializer.Deserialize<MarkerLayerPayload>(Assert.IsType<byte[]>(payload), JsonSerializerOptions.Web)!;

    [Fact]
    public async Task A_new_map_receives_the_whole_layer_and_nothing_more_until_a_change()
    {
        var first = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, drawnVersion: 0);
        var layer = Parse(first.Payload);
        Assert.False(layer.Partial);
        Assert.Equal(_queries.Markers.Select(m => m.Id), layer.Markers.Select(m => m.Id));

        var again = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, first.Version);
        Assert.Equal(first.Version, again.Version);
        Assert.Null(again.Payload);
    }

    [Fact]
    public async Task A_map_one_version_behind_receives_only_what_changed_and_a_map_further_behind_the_whole_layer()
    {
        var first = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, 0);
        var moved = _queries.Markers[0] with { Status = Domain.Incidents.IncidentStatus.Completed };
        var gone = _queries.Markers[1];
        _queries.Answer([moved, _queries.Markers[2]]);

        var next = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, first.Version);
        var delta = Parse(next.Payload);
        Assert.True(delta.Partial);
        Assert.Equal("Terminé", Assert.Single(delta.Markers).Status);
        Assert.Equal(gone.Id, Assert.Single(delta.Removed));

        var stale = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, 0);
        Assert.Equal(next.Version, stale.Version);
        Assert.False(Parse(stale.Payload).Partial);
        Assert.Equal(2, Parse(stale.Payload).Markers.Count);
    }

    [Fact]
    public async Task The_same_answer_is_formatted_and_serialized_once_for_every_map()
    {
        var one = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, 0);
        var other = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, 0);

        Assert.Same(one.Payload, other.Payload);
        Assert.Equal(1, _layers.Count);
    }

    [Fact]
    public async Task A_new_answer_with_the_same_markers_sends_nothing_to_an_up_to_date_map()
    {
        var first = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, 0);
        _queries.Answer([.. _queries.Markers]);

        var next = await _layers.UpdateAsync(Seine, DateTimeOffset.UtcNow, first.Version);

        Assert.Equal(first.Version + 1, next.Version);
        Assert.Null(next.Payload);
    }

    /// <summary>Answers with the same list until told otherwise, as the shared queries do between changes.</summary>
    private sealed class ControlledQueries : IIncidentMapQueries
    {
        private readonly FakeIncidentMapQueries _source = new();
        private IReadOnlyList<IncidentMarker> _answer;

        public ControlledQueries()
        {
            var third = _source.Markers[0] with { Id = Guid.NewGuid(), CommuneName = "Torcy" };
            _answer = [.. _source.Markers, third];
        }

        public IReadOnlyList<IncidentMarker> Markers => _answer;

        public void Answer(IReadOnlyList<IncidentMarker> markers) => _answer = markers;

        public Task<IReadOnlyList<IncidentMarker>> MarkersAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult(_answer);

        public Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
            _source.InProgressByDepartmentAsync(scope, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> InProgressByZoneAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
            _source.InProgressByZoneAsync(scope, cancellationToken);
    }
}
