using Enki.Domain.Access;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Hosting;

/// <summary>
/// Checks the partner keys at start-up: each needs a name, a key and a scope naming a real territory.
/// A key that would silently get national access (no scope) or nothing sensible (<c>commune:99999</c>)
/// stops the start, with the key's name so the operator knows which line to fix.
/// </summary>
public sealed class ApiKeysValidator(ITerritoryDirectory territories) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var label = string.IsNullOrWhiteSpace(key.Name) ? $"Enki:Api:Keys:{i}" : $"« {key.Name} »";
            if (string.IsNullOrWhiteSpace(key.Name)) errors.Add($"Clé d'API {label} : nom (Name) absent.");
            if (string.IsNullOrWhiteSpace(key.Key)) errors.Add($"Clé d'API {label} : valeur (Key) absente.");
            if (string.IsNullOrWhiteSpace(key.Scope))
            {
                errors.Add($"Clé d'API {label} : aucun périmètre (Scope). Indiquez national, zone:CODE, departement:CODE ou commune:INSEE.");
            }
            else if (!Jurisdiction.TryParse(key.Scope, out var scope) || !Jurisdiction.Exists(scope, territories))
            {
                errors.Add($"Clé d'API {label} : périmètre inconnu « {key.Scope} » (attendu national, zone:CODE, departement:CODE ou commune:INSEE d'un territoire existant).");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
