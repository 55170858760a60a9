using System.Globalization;
using System.Text.RegularExpressions;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>Parsing and sanity checks shared by the XML and JSON readers; every refusal is a <see cref="NexsisFormatException"/>.</summary>
internal static partial class IntakeChecks
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^C\d{2}\.\d{2}\.\d{2}$")]
    private static partial Regex NatureCodePattern();

    /// <summary>Trimmed text, null when absent or blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The trimmed value, or a refusal with <paramref name="reason"/> when absent.</summary>
    public static string Require(string? value, string reason, string detail) =>
        Clean(value) ?? throw new NexsisFormatException(reason, detail);

    /// <summary>
    /// An ISO 8601 timestamp with an explicit offset (a time without offset would be read in the
    /// server's zone). <paramref name="field"/> is the French name of the date, e.g. « Date d'envoi ».
    /// </summary>
    public static DateTimeOffset RequireTimestamp(string? text, string field, string detail) =>
        OptionalTimestamp(text, field, detail) ?? throw new NexsisFormatException($"{field} absente", detail);

    /// <summary>Same as <see cref="RequireTimestamp"/>, null when absent.</summary>
    public static DateTimeOffset? OptionalTimestamp(string? text, string field, string detail)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }

        if (TimestampPattern().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        throw new NexsisFormatException($"{field} illisible", $"{detail} : « {value} »");
    }

    /// <summary>A point inside the globe and inside one of the boxes of the French territory.</summary>
    public static GeoCoordinate CheckPoint(double latitude, double longitude, double? height, string detail)
    {
        var point = new GeoCoordinate(latitude, longitude, height);
        var where = $"{detail} : lat {latitude.ToString(CultureInfo.InvariantCulture)}, lon {longitude.ToString(CultureInfo.InvariantCulture)}";
        if (!point.IsOnGlobe)
        {
            throw new NexsisFormatException("Coordonnées invalides", where);
        }

        return point.IsInFrenchTerritory ? point : throw new NexsisFormatException("Coordonnées hors de France", where);
    }

    /// <summary>Parses a coordinate written as text (XML, or a JSON string).</summary>
    public static double ParseCoordinate(string? text, string detail) => ParseNumber(text, "Coordonnées illisibles", detail);

    /// <summary>Parses a decimal number written as text, refusing with <paramref name="reason"/>.</summary>
    public static double ParseNumber(string? text, string reason, string detail) =>
        double.TryParse(Clean(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new NexsisFormatException(reason, $"{detail} : « {text} »");

    /// <summary>
    /// A well-formed nature de fait code. A code missing from the embedded list is accepted (partners
    /// run other versions of the nomenclature and send their own label): the intake lists it.
    /// </summary>
    public static string CheckNatureCode(string? code, string detail)
    {
        var value = Require(code, "Code nature absent", detail);
        return NatureCodePattern().IsMatch(value)
            ? value
            : throw new NexsisFormatException($"Code nature mal formé : {value}", detail);
    }

    /// <summary>A traffic status word (Actual, Exercise, EXERCS, TEST, SYSTEM...).</summary>
    public static TrafficKind ParseTraffic(string? status, string detail)
    {
        var value = Require(status, "Statut de diffusion absent (réel, exercice ou test)", detail);
        return TrafficKinds.Parse(value) ?? throw new NexsisFormatException($"Statut de diffusion inconnu : {value}", detail);
    }

    /// <summary>RC-EDA words (0, 1, PLUSIEURS, BEAUCOUP, INCONNU, NON DEFINI) and their CISU XML English forms.</summary>
    public static VictimCountEstimate ParseVictimCount(string? word, string detail)
    {
        var value = Require(word, "Nombre de victimes absent", detail);
        return value.ToUpperInvariant() switch
        {
            "0" or "NONE" => VictimCountEstimate.None,
            "1" or "ONE" => VictimCountEstimate.One,
            "PLUSIEURS" or "SEVERAL" => VictimCountEstimate.Several,
            "BEAUCOUP" or "MANY" => VictimCountEstimate.Many,
            "INCONNU" or "UNKNOWN" => VictimCountEstimate.Unknown,
            "NON DEFINI" or "NON DÉFINI" or "UNDEFINED" => VictimCountEstimate.NotDefined,
            _ => throw new NexsisFormatException($"Nombre de victimes illisible : {value}", detail),
        };
    }

    /// <summary>The victim estimate of a qualification: a count word (required) and a main victim word (optional).</summary>
    public static CaseVictims Victims(string? count, string? mainVictim, string detail) =>
        new(ParseVictimCount(count, detail), ParseMainVictim(mainVictim));

    /// <summary>RC-EDA main victim words and their CISU XML English forms; null when absent or unknown.</summary>
    public static MainVictimKind? ParseMainVictim(string? word) => Clean(word)?.ToUpperInvariant() switch
    {
        "NOURRISSON" or "INFANT" => MainVictimKind.Infant,
        "ENFANT" or "CHILD" => MainVictimKind.Child,
        "ADULTE" or "ADULT" => MainVictimKind.Adult,
        "SENIOR" => MainVictimKind.Senior,
        "ENCEINTE" or "PREGNANT" => MainVictimKind.Pregnant,
        _ => null,
    };

    /// <summary>A phone number out of a <c>tel:</c> URI.</summary>
    public static string? StripTelScheme(string? uri)
    {
        var value = Clean(uri);
        return value is not null && value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? Clean(value[4..]) : value;
    }

    /// <summary>A known RC-RI resource status (DECISION ... REN-BASE).</summary>
    public static string CheckResourceStatus(string? status, string detail)
    {
        var value = Require(status, "Statut de moyen absent", detail);
        return NexsisNomenclature.Label(NomenclatureList.ResourceStatus, value) is null
            ? throw new NexsisFormatException($"Statut de moyen inconnu : {value}", detail)
            : value;
    }

    /// <summary>A case without the notes whose text is blank.</summary>
    public static IReadOnlyList<CaseNote> Notes(params IEnumerable<(string? Text, DateTimeOffset? At, CaseNoteSource Source)> notes) =>
        notes.Where(n => Clean(n.Text) is not null).Select(n => new CaseNote(n.Text!.Trim(), n.At, n.Source)).ToArray();
}
