using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enki.Infrastructure.Persistence.Postgres;

/// <summary>Writes every <see cref="DateTimeOffset"/> as the same instant in UTC, the only offset timestamptz takes.</summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(), value => value);
