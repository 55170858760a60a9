using System.Collections;
using System.Reflection;
using Enki.Domain.Crises;
using Enki.Domain.Events;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Persistence.Sqlite;
using Enki.Infrastructure.Persistence.Storage;
using Enki.Tests.Events;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Persistence;

/// <summary>Stored enums keep their strings whatever their C# names: one explicit table, used by the database and the event stream.</summary>
public sealed class EnumStorageTests
{
    [Fact]
    public void Every_member_of_every_stored_enum_has_its_own_stored_value_that_reads_back()
    {
        foreach (var values in EnumStorage.All)
        {
            var members = Enum.GetValues(values.EnumType).Cast<Enum>().ToList();
            var stored = members.Select(values.Of).ToList();

            Assert.Equal(members.Count, stored.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(stored, s => Assert.False(string.IsNullOrWhiteSpace(s)));
            Assert.Equal(members, stored.Select(values.Parse));
        }
        Assert.Equal(EnumStorage.All.Count, EnumStorage.All.Select(v => v.EnumType).Distinct().Count());
    }

    [Fact]
    public void A_table_missing_a_member_or_repeating_a_string_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new StoredValues<CrisisStatus>((default, "EnCours")));
        Assert.Throws<InvalidOperationException>(() => new StoredValues<CrisisStatus>(
            (Enum.GetValues<CrisisStatus>()[0], "Same"), (Enum.GetValues<CrisisStatus>()[1], "Same")));
    }

    [Fact]
    public void Every_enum_column_of_the_model_goes_through_its_stored_values()
    {
        using var db = new SqliteEnkiDbContext(new DbContextOptionsBuilder<SqliteEnkiDbContext>().UseSqlite("Data Source=:memory:").Options);

        var enumColumns = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum).ToList();

        Assert.NotEmpty(enumColumns);
        foreach (var column in enumColumns)
        {
            var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
            var values = EnumStorage.For(type);
            Assert.True(values is not null, $"{column.DeclaringType.DisplayName()}.{column.Name}: {type.Name} is not in EnumStorage");
            var converter = column.GetValueConverter();
            Assert.NotNull(converter);
            foreach (var (member, stored) in values.Pairs)
            {
                Assert.Equal(stored, converter.ConvertToProvider(member));
                Assert.Equal(member, converter.ConvertFromProvider(stored));
            }
        }
    }

    [Fact]
    public void Every_enum_an_event_carries_is_a_stored_enum()
    {
        var events = typeof(DomainEvent).Assembly.GetTypes().Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(DomainEvent)));

        var enums = events.SelectMany(t => EnumsIn(t, [])).Distinct().ToList();

        Assert.Contains(typeof(MobilisationStatus), enums);
        Assert.Empty(enums.Where(e => EnumStorage.For(e) is null).Select(e => e.Name));
    }

    [Fact]
    public void Events_write_the_stored_value_and_read_it_back()
    {
        var moved = (MobilisationRequestMoved)EventSample.Of(typeof(MobilisationRequestMoved));

        var row = EventCatalog.ToRow(moved);

        Assert.Contains($"\"status\":\"{EnumStorage.MobilisationStatus.Of(moved.Status)}\"", row.Payload);
        Assert.Contains($"\"action\":\"{EnumStorage.MobilisationAction.Of(moved.Action)}\"", row.Payload);
        Assert.Equal(moved, EventCatalog.Read(row)!.Event);
    }

    private static IEnumerable<Type> EnumsIn(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!seen.Add(type)) yield break;
        if (type.IsEnum)
        {
            yield return type;
            yield break;
        }
        if (type.IsPrimitive || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            yield break;
        }
        var inner = type.IsArray ? [type.GetElementType()!]
            : type.IsGenericType ? type.GetGenericArguments()
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType).ToArray();
        foreach (var part in inner)
        {
            foreach (var found in EnumsIn(part, seen)) yield return found;
        }
    }
}
