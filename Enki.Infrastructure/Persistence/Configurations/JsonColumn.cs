using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

/// <summary>
/// Stores a value (typically a small collection of records) as one JSON column: an incident stays one
/// row, which keeps intake writes cheap; nothing queries inside these values.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions NumberedEnums = new(JsonSerializerDefaults.General);

    private static readonly JsonSerializerOptions NamedEnums = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="namedEnums">Enums stored by name (so a member may move); the older columns keep numbers.</param>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, bool namedEnums = false) where T : class?
    {
        var options = namedEnums ? NamedEnums : NumberedEnums;
        property.HasConversion(
            value => JsonSerializer.Serialize(value, options),
            json => JsonSerializer.Deserialize<T>(json, options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                value => JsonSerializer.Serialize(value, options).GetHashCode(),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, options), options)!));
        return property;
    }
}
