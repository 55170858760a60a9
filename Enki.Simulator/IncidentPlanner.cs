using System.Globalization;
using Enki.Domain.Geography;

namespace Enki.Simulator;

/// <summary>A message to put in the feed when the simulated clock reaches <paramref name="At"/>.</summary>
public sealed record FeedDraft(DateTimeOffset At, string Id, string ContentType, string Payload, SimulatedIncident Incident);

/// <summary>
/// Turns a scenario draw into an incident and its whole life as NexSIS messages: the createCase
/// (RC-EDA, or CISU XML for a small share), the RC-RI states of each engine (DECLENCHE, DEPART,
/// ARRIVEE, then PEC, TRANSP, DESTIN for an ambulance with victims, finally RET-BASE), EMSI updates
/// (IPR with scale, victims by triage colour, evacuations) and the closing EMSI (COM).
/// </summary>
public sealed class IncidentPlanner
{
    public const string Json = "application/json";
    public const string Xml = "application/xml";

    /// <summary>Share of createCase sent as CISU XML createEvent.</summary>
    public const double XmlShare = 0.05;

    /// <summary>Share of cases, among communes with a known postal code, whose INSEE field holds the postal code.</summary>
    public const double PostalCodeQuirkShare = 0.15;

    /// <summary>Postal codes of a few communes, for the real-world quirk of a postal code sent as the INSEE code.</summary>
    public static readonly IReadOnlyDictionary<string, string> PostalCodes = new Dictionary<string, string>
    {
        ["77108"] = "77500", // Chelles
        ["77284"] = "77100", // Meaux
        ["77288"] = "77000", // Melun
        ["77373"] = "77340", // Pontault-Combault
        ["77186"] = "77300", // Fontainebleau
        ["35126"] = "35580", // Guichen
        ["35238"] = "35000", // Rennes
        ["35288"] = "35400", // Saint-Malo
        ["35236"] = "35600", // Redon
        ["35115"] = "35300", // Fougères
    };

    private static readonly string[] Streets =
    [
        "rue de la République", "avenue du Général de Gaulle", "rue Victor Hugo", "rue Jean Jaurès", "place de la Mairie",
        "rue de l'Église", "rue Pasteur", "avenue de la Gare", "chemin des Prés", "rue du Moulin", "rue des Écoles",
        "allée des Tilleuls", "rue de la Libération", "boulevard Gambetta", "impasse des Lilas", "route de la Forêt",
        "rue du Stade", "rue Jules Ferry", "rue des Vignes", "avenue Foch",
    ];

    private readonly CommuneSampler _sampler;
    private readonly Random _random;
    private readonly Random _ids;
    private readonly double _exerciseShare;
    private readonly string _run;
    private readonly Dictionary<string, int> _caseNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Commune>> _stations = new(StringComparer.Ordinal);
    private long _messageNumber;

    /// <param name="random">Draws the content (communes, natures, delays): the same seed gives the same incidents.</param>
    /// <param name="ids">Draws the identifiers, so that two runs never share an id.</param>
    /// <param name="run">Short tag of the run, part of the case numbers.</param>
    public IncidentPlanner(CommuneSampler sampler, Random random, Random ids, double exerciseShare, string run)
    {
        _sampler = sampler;
        _random = random;
        _ids = ids;
        _exerciseShare = exerciseShare;
        _run = run;
    }

    public CommuneSampler Sampler => _sampler;

    /// <summary>Draws an incident of the scenario starting at <paramref name="receivedAt"/>.</summary>
    /// <param name="major">A large incident (a forest fire) rather than a small one.</param>
    /// <param name="near">Draw the commune around this one (small fires around a large one).</param>
    public SimulatedIncident Draw(ScenarioDefinition scenario, DateTimeOffset receivedAt, bool major, Commune? near = null)
    {
        var profile = scenario.Profile;
        var nature = major && profile.Major is not null ? profile.Major : Pick(profile.Natures);
        var commune = major
            ? _sampler.DrawRuralCommune(scenario.DepartmentCode, _random)
            : near is not null ? PickNeighbour(near) : _sampler.DrawCommune(scenario.DepartmentCode, _random);
        var (latitude, longitude) = _sampler.DrawPoint(commune, _random);
        var brigade = new SimulatedBrigade(scenario.DepartmentCode);

        var casualties = SimulatedCasualties.None;
        if (_random.NextDouble() < nature.InjuryChance)
        {
            var many = major ? 3 : 1;
            casualties = new SimulatedCasualties(
                Red: _random.NextDouble() < 0.12 ? 1 : 0,
                Yellow: _random.Next(0, 2 * many + 1),
                Green: _random.Next(1, 2 * many + 2),
                Black: _random.NextDouble() < 0.02 ? 1 : 0);
        }

        var (evacuated, displaced) = (0, 0);
        if (_random.NextDouble() < nature.EvacuationChance)
        {
            evacuated = major ? _random.Next(80, 400) : _random.Next(1, 25);
            displaced = _random.Next(0, evacuated / 2 + 1);
        }

        var senderCaseId = NextCaseNumber(brigade, receivedAt);
        var inseeAsSent = PostalCodes.TryGetValue(commune.InseeCode, out var postalCode) && _random.NextDouble() < PostalCodeQuirkShare
            ? postalCode
            : commune.InseeCode;
        return new SimulatedIncident(
            scenario,
            nature,
            major,
            brigade,
            senderCaseId,
            commune,
            inseeAsSent,
            latitude,
            longitude,
            _random.Next(1, 121).ToString(CultureInfo.InvariantCulture),
            Streets[_random.Next(Streets.Length)],
            nature.Descriptions[_random.Next(nature.Descriptions.Count)],
            receivedAt,
            Exercise: _random.NextDouble() < _exerciseShare,
            SentAsXml: !major && _random.NextDouble() < XmlShare,
            casualties,
            evacuated,
            displaced,
            Scale: major ? 3 : casualties.Red + casualties.Black > 0 || evacuated > 10 ? 2 : 1);
    }

    /// <summary>The messages of the incident's whole life, in time order.</summary>
    public IReadOnlyList<FeedDraft> Plan(SimulatedIncident incident)
    {
        var drafts = new List<FeedDraft>();
        var phone = string.Create(CultureInfo.InvariantCulture, $"+336{_random.Next(10_000_000, 99_999_999)}");

        var createdAt = incident.CreatedAt;
        var createId = NextDistributionId(incident);
        drafts.Add(incident.SentAsXml
            ? new FeedDraft(createdAt, createId, Xml, CisuXmlComposer.CreateEvent(incident, createId, createdAt, phone), incident)
            : new FeedDraft(createdAt, createId, Json, HubJsonComposer.Envelope(incident, createId, createdAt, "createCase", HubJsonComposer.CreateCase(incident, phone)), incident));

        var work = TimeSpan.FromMinutes(_random.Next(incident.Nature.MinWorkMinutes, incident.Nature.MaxWorkMinutes + 1));
        var firstArrival = DateTimeOffset.MaxValue;
        var lastReturn = createdAt;
        var resources = new List<SimulatedResource>();
        var victimsLeft = incident.Casualties.Red + incident.Casualties.Yellow;
        foreach (var vehicle in incident.Nature.Vehicles)
        {
            // Large fires get their reinforcements over the first two hours.
            var dispatch = createdAt.AddMinutes(_random.Next(1, 4) + (incident.Major && resources.Count > 3 ? _random.Next(10, 120) : 0));
            var resource = NextResource(incident, vehicle, resources);
            resources.Add(resource);
            var incidentPoint = (incident.Latitude, incident.Longitude);
            var basePoint = (resource.BaseLatitude, resource.BaseLongitude);
            var travelMinutes = CommuneSampler.DistanceKm(basePoint, incidentPoint) / 50 * 60 + _random.Next(3, 8);
            var depart = dispatch.AddMinutes(_random.Next(1, 4));
            var arrival = depart.AddMinutes(travelMinutes);
            firstArrival = arrival < firstArrival ? arrival : firstArrival;

            var states = new List<(string Status, DateTimeOffset At, (double, double)? Position)>
            {
                ("DECLENCHE", dispatch, null),
                ("DEPART", depart, basePoint),
                ("ARRIVEE", arrival, incidentPoint),
            };
            DateTimeOffset leave;
            if (vehicle == "VSAV" && victimsLeft > 0)
            {
                victimsLeft--;
                var care = arrival.AddMinutes(_random.Next(3, 10));
                var transport = care.AddMinutes(_random.Next(10, 25));
                var destination = transport.AddMinutes(_random.Next(15, 35));
                states.Add(("PEC", care, incidentPoint));
                states.Add(("TRANSP", transport, incidentPoint));
                states.Add(("DESTIN", destination, null));
                leave = destination.AddMinutes(_random.Next(10, 25));
            }
            else
            {
                leave = arrival + work + TimeSpan.FromMinutes(_random.Next(0, 15));
            }

            states.Add(("RET-BASE", leave, null));
            lastReturn = leave > lastReturn ? leave : lastReturn;
            foreach (var (status, at, position) in states)
            {
                var id = NextDistributionId(incident);
                var message = HubJsonComposer.ResourceState(incident, resource, dispatch, status, at, position);
                drafts.Add(new FeedDraft(at, id, Json, HubJsonComposer.Envelope(incident, id, at, "resourcesInfoCisu", message), incident));
            }
        }

        AddSituationUpdates(incident, drafts, resources, firstArrival, lastReturn);
        drafts.Sort((a, b) => a.At.CompareTo(b.At));
        return drafts;
    }

    /// <summary>
    /// An ordinary incident's messages: its creation, then the partners' « terminé » (EMSI COM) once the work is
    /// done; two messages rather than a dozen, so that weeks of background stay quick to take in.
    /// </summary>
    public IReadOnlyList<FeedDraft> PlanOrdinary(SimulatedIncident incident)
    {
        var phone = string.Create(CultureInfo.InvariantCulture, $"+336{_random.Next(10_000_000, 99_999_999)}");
        var createdAt = incident.CreatedAt;
        var createId = NextDistributionId(incident);
        var drafts = new List<FeedDraft>
        {
            new(createdAt, createId, Json, HubJsonComposer.Envelope(incident, createId, createdAt, "createCase", HubJsonComposer.CreateCase(incident, phone)), incident),
        };
        var done = createdAt.AddMinutes(_random.Next(incident.Nature.MinWorkMinutes, incident.Nature.MaxWorkMinutes + 1));
        AddEmsi(incident, drafts, done, "COM", incident.Scale, SimulatedCasualties.None, 0, 0, [], "Intervention terminée");
        return drafts;
    }

    private void AddSituationUpdates(
        SimulatedIncident incident, List<FeedDraft> drafts, IReadOnlyList<SimulatedResource> resources, DateTimeOffset firstArrival, DateTimeOffset lastReturn)
    {
        var updates = new List<(DateTimeOffset At, double Progress)> { (firstArrival.AddMinutes(_random.Next(5, 16)), 0.3) };
        if (incident.Major)
        {
            // A large fire: an update every 30 to 50 minutes while the fire lasts.
            for (var at = updates[0].At.AddMinutes(_random.Next(30, 51)); at < lastReturn.AddMinutes(-30); at = at.AddMinutes(_random.Next(30, 51)))
            {
                updates.Add((at, (at - firstArrival) / (lastReturn - firstArrival)));
            }
        }

        foreach (var (at, progress) in updates)
        {
            // Evacuations grow until mid-fire; the scale peaks a notch higher for large fires.
            var share = Math.Min(1, 0.4 + progress);
            var scale = incident.Major && progress is > 0.25 and < 0.7 ? incident.Scale + 1 : incident.Scale;
            AddEmsi(incident, drafts, at, "IPR", scale, Partial(incident.Casualties, share),
                (int)(incident.Evacuated * share), (int)(incident.Displaced * share), resources, null);
        }

        AddEmsi(incident, drafts, lastReturn.AddMinutes(_random.Next(1, 6)), "COM", incident.Scale, incident.Casualties,
            incident.Evacuated, incident.Displaced, [], "Intervention terminée");
    }

    private void AddEmsi(
        SimulatedIncident incident,
        List<FeedDraft> drafts,
        DateTimeOffset at,
        string status,
        int scale,
        SimulatedCasualties casualties,
        int evacuated,
        int displaced,
        IReadOnlyList<SimulatedResource> resources,
        string? freeText)
    {
        var id = NextDistributionId(incident);
        var emsi = HubJsonComposer.Emsi(incident, $"emsi-{id[(id.IndexOf('_') + 1)..]}", at, status, scale, casualties, evacuated, displaced, resources, freeText);
        drafts.Add(new FeedDraft(at, id, Json, HubJsonComposer.Envelope(incident, id, at, "emsi", emsi), incident));
    }

    private static SimulatedCasualties Partial(SimulatedCasualties total, double share) => new(
        (int)Math.Ceiling(total.Red * share), (int)Math.Ceiling(total.Yellow * share), (int)Math.Ceiling(total.Green * share), total.Black);

    /// <summary>A new distribution id, <c>{sender}_{guid}</c> like the samples.</summary>
    public string NextDistributionId(SimulatedIncident incident)
    {
        Span<byte> bytes = stackalloc byte[16];
        _ids.NextBytes(bytes);
        BitConverter.TryWriteBytes(bytes[..8], ++_messageNumber ^ BitConverter.ToInt64(bytes[..8]));
        return $"{incident.Brigade.SenderId}_{new Guid(bytes)}";
    }

    private string NextCaseNumber(SimulatedBrigade brigade, DateTimeOffset receivedAt)
    {
        var day = SimulationFormat.LocalDate(receivedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = $"{brigade.DepartmentCode}-{day}";
        var number = _caseNumbers[key] = _caseNumbers.GetValueOrDefault(key) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"SC-{day}-SDIS{brigade.DepartmentCode}-{_run}-{number:D4}");
    }

    private SimulatedResource NextResource(SimulatedIncident incident, string vehicle, IReadOnlyList<SimulatedResource> engaged)
    {
        var station = NearestStation(incident.Commune, engaged.Count);
        var (latitude, longitude) = _sampler.Centroid(station);
        // Numbered per station and type, never twice the same engine on one incident.
        var number = 1 + engaged.Count(r => r.VehicleType == vehicle && r.CentreName == $"CIS {station.Name}");
        var slug = new string(station.Name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return new SimulatedResource(
            $"{incident.Brigade.OrganisationId}.resource.{vehicle}{number}-{slug}",
            $"{vehicle} {number} {station.Name}",
            vehicle,
            $"CIS {station.Name}",
            latitude,
            longitude);
    }

    /// <summary>The fire stations are the department's towns of 5,000 inhabitants or more: the nearest first, farther ones for reinforcements.</summary>
    private Commune NearestStation(Commune commune, int rank)
    {
        if (!_stations.TryGetValue(commune.DepartmentCode, out var stations))
        {
            var towns = _sampler.Geography.CommunesOfDepartment(commune.DepartmentCode)
                .Where(c => _sampler.Geography.OutlineOf(c.InseeCode) is not null)
                .OrderByDescending(c => c.Population)
                .ToArray();
            stations = towns.Where(c => c.Population >= 5000).DefaultIfEmpty(towns[0]).ToArray();
            _stations[commune.DepartmentCode] = stations;
        }

        var here = _sampler.Centroid(commune);
        var ordered = stations.OrderBy(s => CommuneSampler.DistanceKm(here, _sampler.Centroid(s))).ToArray();
        return ordered[Math.Min(rank / 3, ordered.Length - 1)];
    }

    private Commune PickNeighbour(Commune near)
    {
        var neighbours = _sampler.Neighbours(near, 12);
        return neighbours.Count == 0 ? near : neighbours[_random.Next(neighbours.Count)];
    }

    private NatureProfile Pick(IReadOnlyList<NatureProfile> natures)
    {
        var target = _random.NextDouble() * natures.Sum(n => n.Weight);
        foreach (var nature in natures)
        {
            target -= nature.Weight;
            if (target < 0)
            {
                return nature;
            }
        }

        return natures[^1];
    }
}
