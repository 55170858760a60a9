using System.Globalization;
using System.Text.Json;
using Enki.Domain.Geography;
using Enki.Domain.Vigilance;

namespace Enki.Infrastructure.Vigilance;

/// <summary>
/// Reads Météo-France's vigilance map (DPVigilance, « cartevigilance/encours »), as its documentation describes it:
/// <c>product.periods[]</c>, one per <c>echeance</c> (« J » today, « J1 » tomorrow) with its validity, each holding
/// <c>timelaps.domain_ids[]</c> — a department (« 35 ») or its coast (« 3510 ») — with <c>phenomenon_items[]</c>:
/// <c>phenomenon_id</c> (1 vent violent … 9 vagues-submersion) and <c>phenomenon_max_color_id</c> (1 vert … 4 rouge),
/// and the hours of each colour in <c>timelaps_items[]</c>. Verified against the documentation only.
/// An unknown phenomenon or area is kept under its own code and reported; a document without that shape is refused.
/// </summary>
public sealed class MeteoFranceVigilanceReader(FrenchGeography geography)
{
    private const string CoastSuffix = "10";

    public VigilanceDocument Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new VigilanceDocumentRejected($"JSON illisible : {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("product", out var product) || product.ValueKind != JsonValueKind.Object)
            {
                throw new VigilanceDocumentRejected("Pas d'objet « product » : ce n'est pas une carte de vigilance.");
            }
            if (!product.TryGetProperty("periods", out var periods) || periods.ValueKind != JsonValueKind.Array)
            {
                throw new VigilanceDocumentRejected("Pas de liste « periods » dans « product ».");
            }
            var readings = new List<VigilanceReading>();
            var unknowns = new List<string>();
            foreach (var period in periods.EnumerateArray())
            {
                var echeance = Text(period, "echeance");
                int? day = echeance switch { "J" => 0, "J1" => 1, _ => null };
                if (day is null)
                {
                    unknowns.Add($"échéance inconnue « {echeance} »");
                    continue;
                }
                var periodFrom = Time(period, "begin_validity_time");
                var periodTo = Time(period, "end_validity_time");
                if (!period.TryGetProperty("timelaps", out var timelaps) || !timelaps.TryGetProperty("domain_ids", out var domains)
                    || domains.ValueKind != JsonValueKind.Array)
                {
                    throw new VigilanceDocumentRejected($"Échéance {echeance} sans « timelaps.domain_ids ».");
                }
                foreach (var domain in domains.EnumerateArray())
                {
                    var domainId = Text(domain, "domain_id") ?? throw new VigilanceDocumentRejected($"Un domaine de l'échéance {echeance} n'a pas de « domain_id ».");
                    var (department, areaLabel) = Area(domainId);
                    if (department is null) unknowns.Add($"zone inconnue « {domainId} »");
                    if (!domain.TryGetProperty("phenomenon_items", out var items) || items.ValueKind != JsonValueKind.Array) continue;
                    foreach (var item in items.EnumerateArray())
                    {
                        var phenomenonId = Text(item, "phenomenon_id");
                        var colour = VigilanceColourWords.FromNumber(Number(item, "phenomenon_max_color_id"))
                            ?? throw new VigilanceDocumentRejected($"Couleur hors de 1 à 4 pour le phénomène {phenomenonId} de « {domainId} ».");
                        var phenomenon = VigilancePhenomenonWords.FromMeteoFranceId(phenomenonId);
                        if (phenomenon is null) unknowns.Add($"phénomène inconnu « {phenomenonId} »");
                        var label = phenomenon is { } known ? known.French() : $"Phénomène {phenomenonId}";
                        var (from, to) = HoursOf(item, colour) ?? (periodFrom, periodTo);
                        readings.Add(new VigilanceReading(VigilanceSource.MeteoFrance, domainId, areaLabel, department,
                            phenomenon ?? VigilancePhenomenon.Unknown, label, day.Value, colour, from, to, []));
                    }
                }
            }
            return new VigilanceDocument(readings, unknowns.Distinct().ToList());
        }
    }

    /// <summary>« 35 » → Ille-et-Vilaine; « 3510 » → the coast of Ille-et-Vilaine; anything else: no department.</summary>
    private (string? Department, string Label) Area(string domainId)
    {
        if (geography.FindDepartment(domainId) is { } department) return (department.Code, department.Name);
        if (domainId.Length > 2 && domainId.EndsWith(CoastSuffix, StringComparison.Ordinal)
            && geography.FindDepartment(domainId[..^CoastSuffix.Length]) is { } coast)
        {
            return (coast.Code, $"{coast.Name} (littoral)");
        }
        return (null, domainId);
    }

    /// <summary>When the phenomenon is at its highest colour: from the first such hour to the last.</summary>
    private static (DateTimeOffset?, DateTimeOffset?)? HoursOf(JsonElement item, VigilanceColour colour)
    {
        if (!item.TryGetProperty("timelaps_items", out var hours) || hours.ValueKind != JsonValueKind.Array) return null;
        var at = hours.EnumerateArray().Where(h => Number(h, "color_id") == (int)colour).ToList();
        if (at.Count == 0) return null;
        return (Time(at[0], "begin_time"), Time(at[^1], "end_time"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()?.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static int? Number(JsonElement element, string name) =>
        int.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;
}
