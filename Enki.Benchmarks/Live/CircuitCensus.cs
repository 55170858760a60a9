using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Enki.Benchmarks.Live;

/// <summary>
/// Which components the open circuits hold, and how much render-tree buffer each kind keeps: the
/// largest part of a circuit's memory. Reads Blazor's internals by reflection (a diagnostic, not
/// product code): if a later ASP.NET Core renames them, it says so and prints nothing else.
/// </summary>
internal static class CircuitCensus
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly int FrameSize = Unsafe.SizeOf<Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame>();

    public static void Print(IServiceProvider services)
    {
        try
        {
            var registryType = Type.GetType("Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
            var registry = services.GetService(registryType) ?? throw new InvalidOperationException("no circuit registry");
            var circuits = ((IDictionary)registryType.GetProperty("ConnectedCircuits", Any)!.GetValue(registry)!).Values.Cast<object>().ToList();
            var byType = new Dictionary<string, (int Count, long FrameBytes)>();
            foreach (var circuit in circuits)
            {
                var renderer = circuit.GetType().GetProperty("Renderer", Any)!.GetValue(circuit)!;
                var states = (IDictionary)Field(renderer, "_componentStateById")!;
                foreach (var state in states.Values)
                {
                    var name = Name(state!.GetType().GetProperty("Component", Any)!.GetValue(state)!.GetType());
                    var bytes = FrameBytes(state.GetType().GetProperty("CurrentRenderTree", Any)!.GetValue(state)) + FrameBytes(Field(state, "_nextRenderTree"));
                    var (count, frames) = byType.GetValueOrDefault(name);
                    byType[name] = (count + 1, frames + bytes);
                }
            }
            var n = Math.Max(1, circuits.Count);
            Console.WriteLine($"census of {circuits.Count} circuits: {byType.Values.Sum(v => v.Count) / (double)n:0} components and {byType.Values.Sum(v => v.FrameBytes) / 1024.0 / n:0} KB of render-tree buffers per circuit");
            Console.WriteLine("per circuit: components | buffers (KB) | component");
            foreach (var (name, (count, frames)) in byType.OrderByDescending(kv => kv.Value.FrameBytes))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count / (double)n,10:0.#} | {frames / 1024.0 / n,12:0.0} | {name}"));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or TypeLoadException or ArgumentException)
        {
            Console.WriteLine($"census unavailable on this ASP.NET Core: {ex.Message}");
        }
    }

    private static long FrameBytes(object? renderTreeBuilder)
    {
        if (renderTreeBuilder is null) return 0;
        var entries = Field(renderTreeBuilder, "_entries");
        return entries is null ? 0 : ((Array?)FieldOf(entries.GetType().BaseType!, entries, "_items"))?.Length * FrameSize ?? 0;
    }

    private static object? Field(object target, string name) => FieldOf(target.GetType(), target, name);

    private static object? FieldOf(Type type, object target, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetField(name, Any) is { } field) return field.GetValue(target);
        }
        throw new InvalidOperationException($"{type.Name}.{name} not found");
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(",", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
