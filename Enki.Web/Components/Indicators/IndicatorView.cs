using System.Globalization;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Web.Live;
using Microsoft.AspNetCore.WebUtilities;

namespace Enki.Web.Components.Indicators;

/// <summary>
/// What the « Indicateurs » page shows, as its address holds it so that it can be shared and reloaded:
/// the territory in the path (<c>indicateurs/departement/77</c>, <c>indicateurs/crise/{id}</c>; none: the
/// viewer's jurisdiction) and, in the query, <c>indicateur</c>, <c>periode</c> (<c>24h</c>, <c>7j</c>, <c>30j</c>,
/// ending now: live) or <c>du</c> and <c>au</c> (days, included, in the territory's local time), <c>pas</c>
/// (<c>heure</c>, <c>jour</c>), <c>representation</c> (<c>chiffre</c>, <c>serie</c>, <c>communes</c>,
/// <c>departements</c>, <c>tableau</c>) and <c>categorie</c>. Anything unreadable falls back to its default.
/// </summary>
public sealed record IndicatorView(
    IndicatorDefinition Definition,
    IndicatorTerritory? Territory,
    string? Period,
    DateOnly? FromDay,
    DateOnly? ToDay,
    IndicatorStep Step,
    IndicatorRepresentation Representation,
    string? Category)
{
    public const string Route = "indicateurs";

    /// <summary>The relative periods offered, ending now, with their French labels.</summary>
    public static readonly IReadOnlyList<(string Code, string Label, TimeSpan Length)> Periods =
    [
        ("24h", "Dernières 24 heures", TimeSpan.FromHours(24)),
        ("7j", "7 derniers jours", TimeSpan.FromDays(7)),
        ("30j", "30 derniers jours", TimeSpan.FromDays(30)),
    ];

    private static readonly Dictionary<IndicatorRepresentation, (string Code, string Label)> Representations = new()
    {
        [IndicatorRepresentation.Number] = ("chiffre", "Chiffre"),
        [IndicatorRepresentation.TimeSeries] = ("serie", "Série temporelle"),
        [IndicatorRepresentation.CommuneMap] = ("communes", "Carte par commune"),
        [IndicatorRepresentation.DepartmentMap] = ("departements", "Carte par département"),
        [IndicatorRepresentation.Table] = ("tableau", "Tableau"),
        [IndicatorRepresentation.GridMap] = ("carreaux", "Carte par carreaux de 1 km"),
        [IndicatorRepresentation.CategorySeries] = ("serie-categories", "Série par catégorie"),
    };

    private static readonly Dictionary<IndicatorStep, (string Code, string Label)> Steps = new()
    {
        [IndicatorStep.Hour] = ("heure", "Heure"),
        [IndicatorStep.Day] = ("jour", "Jour"),
    };

    public static IndicatorView Default => new(IndicatorCatalogue.OpenedIncidents, null, "24h", null, null, IndicatorStep.Hour, IndicatorRepresentation.TimeSeries, null);

    public static string Label(IndicatorRepresentation representation) => Representations[representation].Label;

    public static string Label(IndicatorStep step) => Steps[step].Label;

    /// <summary>Reads the view from the page's path segments and query string.</summary>
    public static IndicatorView Parse(string? kind, string? code, string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

        var definition = IndicatorCatalogue.Find(Get("indicateur")) ?? Default.Definition;
        IndicatorTerritory? territory = null;
        if (string.Equals(kind, "crise", StringComparison.OrdinalIgnoreCase))
        {
            IndicatorTerritory.TryParse(IndicatorTerritory.CrisisPrefix + code, out territory);
        }
        else if (kind is not null && TerritoryScope.Parse(kind, code) is { } scope)
        {
            territory = IndicatorTerritory.Of(scope);
        }
        DateOnly? from = DateOnly.TryParseExact(Get("du"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null;
        DateOnly? to = DateOnly.TryParseExact(Get("au"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        var period = Periods.Any(p => p.Code == Get("periode")) ? Get("periode") : null;
        if (from is null || to is null || to < from)
        {
            (from, to, period) = (null, null, period ?? "24h");
        }
        else
        {
            period = null;
        }
        var step = Steps.FirstOrDefault(s => s.Value.Code == Get("pas")).Key;
        if (!definition.Supports(step)) step = definition.Steps[0];
        var representation = Representations.Where(r => r.Value.Code == Get("representation")).Select(r => (IndicatorRepresentation?)r.Key).FirstOrDefault();
        if (representation is null || !definition.Supports(representation.Value))
        {
            representation = definition.Supports(IndicatorRepresentation.TimeSeries) ? IndicatorRepresentation.TimeSeries : definition.Representations[0];
        }
        return new IndicatorView(definition, territory, period, from, to, step, representation.Value, Get("categorie"));
    }

    /// <summary>Reads a view from a page address as <see cref="ToUrl"/> writes it (a pinned view); null when it is not one.</summary>
    public static IndicatorView? FromUrl(string url)
    {
        var question = url.IndexOf('?');
        var path = (question < 0 ? url : url[..question]).Trim('/').Split('/');
        if (path.Length is 0 or > 3 || !string.Equals(path[0], Route, StringComparison.OrdinalIgnoreCase)) return null;
        var view = Parse(path.ElementAtOrDefault(1), path.ElementAtOrDefault(2), question < 0 ? "" : url[question..]);
        return path.Length > 1 && view.Territory is null ? null : view;
    }

    /// <summary>The page's address for this view, relative to the base (<c>indicateurs/departement/77?indicateur=…</c>).</summary>
    public string ToUrl() => Path + QueryString;

    public string Path => Territory switch
    {
        null => Route,
        { CrisisId: { } id } => $"{Route}/crise/{id}",
        { Jurisdiction: { } j } => $"{Route}/{TerritoryScope.Segments(j)}",
        _ => Route,
    };

    /// <summary>The query part, <c>?</c> included: what a territory change keeps.</summary>
    public string QueryString
    {
        get
        {
            var parts = new List<string> { $"indicateur={Definition.Code}" };
            if (Period is not null) parts.Add($"periode={Period}");
            if (FromDay is { } from && ToDay is { } to)
            {
                parts.Add($"du={from:yyyy-MM-dd}");
                parts.Add($"au={to:yyyy-MM-dd}");
            }
            parts.Add($"pas={Steps[Step].Code}");
            parts.Add($"representation={Representations[Representation].Code}");
            if (Category is not null) parts.Add($"categorie={Uri.EscapeDataString(Category)}");
            return "?" + string.Join("&", parts);
        }
    }

    /// <summary>True when the period ends now: the figures follow the live stream.</summary>
    public bool IsLive(DateTimeOffset now, TimeZoneInfo zone) => Period is not null || Resolve(now, zone).To > now;

    /// <summary>The period as instants: a relative one ends now; days run from local midnight to the local midnight after the last.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Resolve(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (FromDay is { } from && ToDay is { } to)
        {
            return (TerritoryClock.FromLocal(from.ToDateTime(TimeOnly.MinValue), zone), TerritoryClock.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        }
        var length = Periods.FirstOrDefault(p => p.Code == Period).Length;
        return (now - (length == default ? TimeSpan.FromHours(24) : length), now);
    }

    /// <summary>The request the indicator queries compute, over the viewer's jurisdiction when the address names no territory.</summary>
    public IndicatorRequest ToRequest(Viewer viewer, DateTimeOffset now, TimeZoneInfo zone)
    {
        var (from, to) = Resolve(now, zone);
        if (to - from > IndicatorRequest.MaxPeriod(Step)) from = to - IndicatorRequest.MaxPeriod(Step);
        return new IndicatorRequest(Definition, Territory ?? IndicatorTerritory.Of(viewer.Jurisdiction), from, to, Step, Representation, Category);
    }

    /// <summary>The API address of the same figures (<c>/api/v1/indicators/{code}?territory=…</c>), in the given format.</summary>
    public static string ApiUrl(IndicatorRequest request, string? format = null)
    {
        var url = $"api/v1/indicators/{request.Definition.Code}?territory={Uri.EscapeDataString(request.Territory.ToString())}"
            + $"&from={Uri.EscapeDataString(request.From.ToString("O", CultureInfo.InvariantCulture))}"
            + $"&to={Uri.EscapeDataString(request.To.ToString("O", CultureInfo.InvariantCulture))}"
            + $"&step={IndicatorApiCodes.Of(request.Step)}&representation={IndicatorApiCodes.Of(request.Representation)}";
        if (request.Category is { } category) url += $"&category={Uri.EscapeDataString(category)}";
        return format is null ? url : url + $"&format={format}";
    }
}
