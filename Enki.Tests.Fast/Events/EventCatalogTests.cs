using System.Collections;
using System.Reflection;
using Enki.Domain.Events;
using Enki.Infrastructure.Events;

namespace Enki.Tests.Events;

/// <summary>Every event the domain can record is stored under a stable name and read back as it was written.</summary>
public sealed class EventCatalogTests
{
    public static TheoryData<string> DomainEventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ConcreteDomainEvents()) data.Add(type.FullName!);
        return data;
    }

    // The domain's events and those the NexSIS adapter records (an acknowledgement owed), not the reader's stand-in.
    private static IEnumerable<Type> ConcreteDomainEvents() =>
        new[] { typeof(DomainEvent).Assembly, typeof(EventCatalog).Assembly }.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(DomainEvent)) && t != typeof(Unreadable));

    [Fact]
    public void Every_domain_event_has_its_own_stored_name()
    {
        var types = ConcreteDomainEvents().ToList();
        Assert.NotEmpty(types);
        var names = types.Select(t => EventCatalog.NameOf(EventSample.Of(t))).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(types.OrderBy(t => t.FullName), EventCatalog.Types.OrderBy(t => t.FullName));
    }

    [Theory]
    [MemberData(nameof(DomainEventTypes))]
    public void An_event_reads_back_as_it_was_written(string typeName)
    {
        var written = EventSample.Of(ConcreteDomainEvents().Single(t => t.FullName == typeName));
        var row = EventCatalog.ToRow(written);
        row.Sequence = 42;
        row.RecordedAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

        var read = EventCatalog.Read(row);

        Assert.NotNull(read);
        Assert.Equal((42L, row.RecordedAt), (read.Sequence, read.RecordedAt));
        Assert.IsType(written.GetType(), read.Event);
        Assert.Equal(row.Payload, EventCatalog.ToRow(read.Event).Payload);
        // Records compare their lists by reference: those are compared through their JSON above.
        if (!EventSample.HasCollections(written.GetType())) Assert.Equal(written, read.Event);
        var again = EventCatalog.ToRow(read.Event);
        Assert.Equal((row.Type, row.SubjectId, row.CommuneCode, row.DepartmentCode, row.ZoneCode, row.IsExercise, row.OccurredAt),
            (again.Type, again.SubjectId, again.CommuneCode, again.DepartmentCode, again.ZoneCode, again.IsExercise, again.OccurredAt));
    }

    [Fact]
    public void A_name_this_version_does_not_know_reads_as_nothing()
    {
        Assert.Null(EventCatalog.Read(new StoredEvent { Sequence = 1, Type = "crisis.something-new", Payload = "{}" }));
    }
}

/// <summary>
/// One instance of any event type, every constructor argument set to a distinct value that is not its
/// type's default (so a field lost or swapped on the way shows), recursively through nested records.
/// </summary>
internal static class EventSample
{
    public static DomainEvent Of(Type type) => (DomainEvent)Build(type, type.Name, 0);

    /// <summary>Whether the type holds a collection anywhere, which record equality compares by reference.</summary>
    public static bool HasCollections(Type type) => HasCollections(type, []);

    private static bool HasCollections(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type == typeof(string) || type.IsPrimitive || type.IsEnum) return false;
        if (typeof(IEnumerable).IsAssignableFrom(type)) return true;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => HasCollections(p.PropertyType, seen));
    }

    private static object Build(Type type, string name, int depth)
    {
        if (depth > 5) throw new InvalidOperationException($"{type.Name} nests too deep for a sample.");
        var value = Nullable.GetUnderlyingType(type) ?? type;
        var seed = name.Aggregate(17, (hash, c) => (hash * 31 + c) % 100_003) % 1000 + 1; // stable across runs
        if (value == typeof(string)) return $"{name}-{seed}";
        if (value == typeof(bool)) return true;
        if (value == typeof(int)) return seed;
        if (value == typeof(long)) return (long)seed;
        if (value == typeof(double)) return seed + 0.5;
        if (value == typeof(Guid)) return new Guid(seed, 0, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
        // An offset other than UTC: the stored instant is UTC, the payload keeps what was recorded.
        if (value == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(1)).AddMinutes(seed);
        if (value.IsEnum) return Enum.GetValues(value).Cast<object>().Last();
        if (value.IsGenericType && value.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IReadOnlyCollection<>) || generic == typeof(IEnumerable<>) || generic == typeof(List<>)))
        {
            var item = value.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Build(item, name + "[0]", depth + 1));
            return list;
        }
        var constructor = value.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"No public constructor to build a sample {value.Name}.");
        return constructor.Invoke(constructor.GetParameters().Select(p => Build(p.ParameterType, $"{value.Name}.{p.Name}", depth + 1)).ToArray());
    }
}
