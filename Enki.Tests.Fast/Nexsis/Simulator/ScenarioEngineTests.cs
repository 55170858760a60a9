using Enki.Domain.Geography;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Infrastructure.Nexsis.Nomenclature;
using Enki.Simulator;
using Enki.Tests.Geography;

namespace Enki.Tests.Nexsis.Simulator;

[Collection(GeographyCollection.Name)]
public sealed class ScenarioEngineTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;
    private readonly NexsisMessageReader _reader = new();

    private SimulatedRun Run => SimulatedRun.For(_geography);

    private IEnumerable<(FeedEntry Entry, NexsisReadSuccess Read)> ValidMessages =>
        Run.Entries.Where(e => e.Kind == SimulatedMessageKind.Valid).Select(e => (e, Assert.IsType<NexsisReadSuccess>(_reader.Read(e.Payload))));

    [Fact]
    public void Every_nature_and_location_kind_the_scenarios_use_is_in_the_code_lists()
    {
        foreach (var nature in ScenarioProfiles.AllNatures)
        {
            Assert.True(NexsisNomenclature.NatureOfFact(nature.Code) is not null, $"nature {nature.Code}");
            Assert.True(NexsisNomenclature.LocationKind(nature.LocationKindCode) is not null, $"type de lieu {nature.LocationKindCode}");
            Assert.NotEmpty(nature.Descriptions);
            Assert.NotEmpty(nature.Vehicles);
        }
    }

    [Fact]
    public void Every_valid_message_is_accepted_by_the_reader_with_its_distribution_id()
    {
        var valid = ValidMessages.ToList();

        Assert.True(valid.Count > 10_000, $"{valid.Count} messages");
        foreach (var (entry, read) in valid)
        {
            Assert.Equal(entry.Id, read.Distribution.DistributionId);
            Assert.Single(read.Messages);
        }

        var kinds = valid.Select(v => v.Read.Messages[0].GetType()).ToHashSet();
        Assert.Equal([typeof(CaseCreated), typeof(ResourcesReported), typeof(SituationUpdated)], kinds.OrderBy(k => k.Name));
        Assert.Contains(valid, v => v.Entry.ContentType == IncidentPlanner.Xml && v.Read.Distribution.Format == PayloadFormat.CisuXml);
        Assert.Contains(valid, v => v.Read.Distribution.Traffic == TrafficKind.Exercise);
        Assert.All(valid, v => Assert.Contains(v.Read.Distribution.Traffic, new[] { TrafficKind.Actual, TrafficKind.Exercise }));
    }

    [Fact]
    public void Malformed_messages_are_refused_and_cover_every_defect()
    {
        var malformed = Run.Entries.Where(e => e.Kind == SimulatedMessageKind.Malformed).ToList();

        // 1 % of about 15,000 messages.
        Assert.InRange(malformed.Count, 60, 300);
        Assert.All(malformed, m => Assert.IsType<ReadFailure>(_reader.Read(m.Payload)));
        Assert.Equal(MalformedComposer.Defects.Order(), malformed.Select(m => m.Defect!).Distinct().Order());
        Assert.Equal(malformed.Count, Run.Simulator.Feed.Malformed);
    }

    [Fact]
    public void Every_case_point_locates_the_commune_it_names_and_some_send_a_postal_code_as_insee()
    {
        var cases = ValidMessages.Select(v => v.Read.Messages[0]).OfType<CaseCreated>().ToList();

        var quirks = 0;
        foreach (var created in cases)
        {
            var point = created.Location.Point!;
            var commune = _geography.LocateCommune(point.Latitude, point.Longitude);
            Assert.NotNull(commune);
            Assert.Equal(commune.Name, created.Location.CityName);
            if (created.Location.InseeCode != commune.InseeCode)
            {
                Assert.Equal(IncidentPlanner.PostalCodes[commune.InseeCode], created.Location.InseeCode);
                quirks++;
            }
        }

        Assert.True(quirks > 0);
        Assert.Contains(cases, c => c.Location.InseeCode == "77108");
        Assert.Contains(cases, c => c.Location.InseeCode == "35126");
    }

    [Fact]
    public void Resources_go_through_their_lifecycle_and_every_case_closes_after_being_created()
    {
        var created = new HashSet<string>();
        var statuses = new Dictionary<(string Case, string Resource), List<ResourceState>>();
        var closed = new HashSet<string>();
        foreach (var message in ValidMessages.Select(v => v.Read.Messages[0]))
        {
            switch (message)
            {
                case CaseCreated c:
                    Assert.True(created.Add(c.CaseId), $"{c.CaseId} created twice");
                    break;
                case ResourcesReported r:
                    Assert.Contains(r.CaseId, created);
                    Assert.DoesNotContain(r.CaseId, closed);
                    foreach (var resource in r.Resources)
                    {
                        var key = (r.CaseId, resource.ResourceId);
                        (statuses.TryGetValue(key, out var list) ? list : statuses[key] = []).Add(resource.State);
                    }

                    break;
                case SituationUpdated s:
                    Assert.Contains(s.CaseId, created);
                    Assert.True(closed.Add(s.CaseId) || s.Status != EmsiEventStatus.Completed);
                    if (s.Status != EmsiEventStatus.Completed)
                    {
                        closed.Remove(s.CaseId);
                        Assert.Equal(EmsiEventStatus.InProgress, s.Status);
                    }

                    break;
            }
        }

        Assert.Equal(created.Count, closed.Count);
        foreach (var states in statuses.Values)
        {
            Assert.Equal(["DECLENCHE", "DEPART", "ARRIVEE"], states.Take(3).Select(s => s.StatusCode));
            Assert.Equal("RET-BASE", states[^1].StatusCode);
            Assert.True(states[^1].Available);
            Assert.Equal(states.Select(s => s.ChangedAt).Order(), states.Select(s => s.ChangedAt));
        }
    }

    [Fact]
    public void Victims_are_mostly_none_sometimes_injured_and_floods_and_fires_evacuate()
    {
        var updates = ValidMessages.Select(v => v.Read.Messages[0]).OfType<SituationUpdated>()
            .Where(s => s.Status == EmsiEventStatus.Completed).ToList();

        var injured = updates.Count(u => u.Casualties.Any(c => c.Red + c.Yellow + c.Green > 0));
        Assert.InRange(injured, 1, updates.Count / 4);
        Assert.True(updates.Count(u => u.Casualties.Any(c => c.Black > 0)) < updates.Count / 50);
        Assert.Contains(updates, u => u.Evacuations.Any(e => e.Evacuated > 50) && u.Scale == 3);
        Assert.Contains(updates, u => u.Evacuations.Any(e => e.Evacuated > 0) && u.CaseId.Contains("SDIS35", StringComparison.Ordinal));
    }

    [Fact]
    public void The_storm_rises_and_falls_with_a_few_new_incidents_per_real_second_at_its_peak()
    {
        var stormCases = ValidMessages.Select(v => v.Read.Messages[0]).OfType<CaseCreated>()
            .Where(c => c.CaseId.Contains("SDIS77", StringComparison.Ordinal))
            .Select(c => c.CreatedAt)
            .ToList();

        Assert.InRange(stormCases.Count, 880, 900); // a few are sent as CISU XML... and all are read here
        // Ten simulated minutes are one real minute at speed 10.
        var perRealMinute = stormCases.GroupBy(t => (long)((t - SimulatedRun.Start).TotalMinutes / 10)).ToDictionary(g => g.Key, g => g.Count());
        var peak = perRealMinute.Values.Max() / 60.0;
        Assert.InRange(peak, 1.0, 6.0);
        var first = perRealMinute.GetValueOrDefault(0) + perRealMinute.GetValueOrDefault(1);
        var last = perRealMinute.Where(p => p.Key >= 16 && p.Key < 18).Sum(p => p.Value);
        Assert.True(first < peak * 60 && last < peak * 60, $"start {first}, end {last}, peak {peak * 60}/min");
    }

    [Fact]
    public void Messages_arrive_over_time_not_all_at_once()
    {
        var pumps = Run.ProducedPerPump;

        // Every real minute of the first eight simulated hours brings messages.
        Assert.All(pumps.Skip(1).Take(47), p => Assert.True(p > 0));
        Assert.True(pumps.Max() < Run.Entries.Count / 10);
    }
}
