using Enki.Domain.Directory;

namespace Enki.Application.Directory;

/// <summary>The import file's header: which column holds what (names compared without accents or case).</summary>
public sealed class DirectoryCsvColumns
{
    public static readonly IReadOnlyList<string> Expected =
    [
        "nom", "type", "commune", "departement", "zone", "telephone", "email", "adresse",
        "contact_nom", "contact_fonction", "contact_telephone", "contact_email",
    ];

    private readonly Dictionary<string, int> _index;

    private DirectoryCsvColumns(Dictionary<string, int> index) => _index = index;

    public static DirectoryCsvColumns? Read(IReadOnlyList<string> header, List<string> errors)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = SearchText.Normalise(header[i]).Replace(' ', '_').Replace('-', '_');
            if (name == "e_mail") name = "email";
            if (name == "contact_e_mail") name = "contact_email";
            if (Expected.Contains(name)) index.TryAdd(name, i);
        }
        foreach (var required in new[] { "nom", "type" })
        {
            if (!index.ContainsKey(required)) errors.Add($"Colonne « {required} » absente de l'en-tête (attendu : {string.Join(";", Expected)}).");
        }
        return errors.Count > 0 ? null : new DirectoryCsvColumns(index);
    }

    public string? this[CsvRecord record, string column] =>
        _index.TryGetValue(column, out var i) && i < record.Fields.Count && !string.IsNullOrWhiteSpace(record.Fields[i])
            ? record.Fields[i].Trim()
            : null;
}
