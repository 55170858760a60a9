using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enki.Infrastructure.Persistence.Storage;

/// <summary>
/// Writes and reads the enums of <see cref="EnumStorage"/> as their stored strings, so JSON written before a
/// member is renamed still reads. Other enums are left to the converters after it.
/// </summary>
public sealed class StoredEnumJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => EnumStorage.For(typeToConvert) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), EnumStorage.For(typeToConvert))!;

    private sealed class Converter<TEnum>(IStoredValues values) : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? (TEnum)values.Parse(reader.GetString()!)
                : throw new JsonException($"{typeof(TEnum).Name}: a stored string is expected.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(values.Of(value));
    }
}
