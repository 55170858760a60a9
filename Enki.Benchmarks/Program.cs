using BenchmarkDotNet.Running;
using Enki.Benchmarks.Live;
using Enki.Benchmarks.Nexsis;

// BenchmarkDotNet:   dotnet run -c Release --project Enki.Benchmarks -- --filter '*'
// Live-path load:    dotnet run -c Release --project Enki.Benchmarks -- live 1 50 200
// Worst NexSIS XML:  dotnet run -c Release --project Enki.Benchmarks -- worst-messages
// Light client check: dotnet run -c Release --project Enki.Benchmarks -- live --light 1   (one light circuit beside Chromium)
// Cluster live path: dotnet run -c Release --project Enki.Benchmarks -- nodes-live --nodes 1,2 200 1000
// Push → screen:     dotnet run -c Release --project Enki.Benchmarks -- nodes-trace --nodes 2 --pushes 5
// NexSIS push load:  dotnet run -c Release --project Enki.Benchmarks -- push --messages 20000 --concurrency 64
// Ingest per engine: dotnet run -c Release --project Enki.Benchmarks -- ingest-engines --messages 20000
// Outline sizes:     dotnet run -c Release --project Enki.Benchmarks -- outline-sizes 77 2A
// Indicators, 1 year: dotnet run -c Release --project Enki.Benchmarks -- indicators --incidents 1000000 [--rounds 3] [--keep DIR] [--only code,code] [--representations series,departments] [--postgres] [--settle 300]
// Past dashboard:    dotnet run -c Release --project Enki.Benchmarks -- past --incidents 1000000 --samples 40 --without 3 --interval 6
// Replay, 50 walls:  dotnet run -c Release --project Enki.Benchmarks -- replay --incidents 11000 --circuits 50 --play 30
if (args.Length > 0 && args[0] == "live")
{
    // live [--page tableau-de-bord/departement/77] [--hold 60] [--census] [--shared-cores] [--light] 1 50 200
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    var page = Option("--page") ?? LivePathLoad.DefaultPage;
    var hold = TimeSpan.FromSeconds(int.TryParse(Option("--hold"), out var seconds) ? seconds : 0);
    // Numbers that are not an option's value are circuit counts.
    var circuits = args.Select((a, i) => (a, i)).Skip(1).Where(x => args[x.i - 1] is not ("--page" or "--hold") && int.TryParse(x.a, out _))
        .Select(x => int.Parse(x.a)).DefaultIfEmpty(1).ToArray();
    return await LivePathLoad.RunAsync(circuits, page, hold, args.Contains("--census"), args.Contains("--shared-cores"), args.Contains("--light"));
}

if (args.Length > 0 && args[0] == "nodes-live")
{
    // nodes-live [--nodes 1,2] [--rounds 10] [--page tableau-de-bord/departement/77] [--detail] 200 1000
    // --detail: each push's slowest circuit per node on stderr, and the nodes' output kept in the temp folder
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    var nodes = (Option("--nodes") ?? "1,2").Split(',').Select(int.Parse).ToArray();
    var rounds = int.TryParse(Option("--rounds"), out var r) ? r : 10;
    var circuits = args.Select((a, i) => (a, i)).Skip(1).Where(x => args[x.i - 1] is not ("--nodes" or "--rounds" or "--page") && int.TryParse(x.a, out _))
        .Select(x => int.Parse(x.a)).DefaultIfEmpty(200).ToArray();
    return await NodesLiveLoad.RunAsync(nodes, circuits, Option("--page") ?? LivePathLoad.DefaultPage, rounds, args.Contains("--detail"));
}

if (args.Length > 0 && args[0] == "nodes-trace")
{
    // nodes-trace [--nodes 2] [--pushes 5] [--between 2000] [--page tableau-de-bord/departement/77] [--sql]: where the time goes, push by push, from cold nodes
    // --sql: the nodes log each SQL command with its duration, kept in the temp folder
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return await NodesTrace.RunAsync(int.Parse(Option("--nodes") ?? "2"), Option("--page") ?? LivePathLoad.DefaultPage,
        int.Parse(Option("--pushes") ?? "5"), TimeSpan.FromMilliseconds(int.Parse(Option("--between") ?? "2000")), args.Contains("--sql"));
}

if (args.Length > 0 && args[0] == "indicators")
{
    // indicators [--incidents 1000000] [--rounds 3] [--keep DIR] [--only code,code] [--representations series,departments]: --keep builds
    // the year once in DIR and measures it again on later runs; --only measures those indicators alone; --representations asks for each
    // of those an indicator supports (API codes) rather than its default; --postgres stores the year in a throwaway PostgreSQL cluster
    // (kept in DIR/postgres with --keep) instead of a SQLite file; --settle waits that many seconds after the console is ready before measuring
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return await Enki.Benchmarks.Indicators.IndicatorYearLoad.RunAsync(int.Parse(Option("--incidents") ?? "1000000"),
        int.Parse(Option("--rounds") ?? "3"), Option("--keep"), Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Option("--representations")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), args.Contains("--postgres"),
        TimeSpan.FromSeconds(int.Parse(Option("--settle") ?? "0")));
}

if (args.Length > 0 && args[0] == "worst-messages")
{
    // worst-messages [bytes]: time to read the worst payload shapes at the push's 4 MB cap
    return Enki.Benchmarks.Nexsis.WorstMessageProbe.Run(args.Length > 1 ? int.Parse(args[1]) : 4 * 1024 * 1024 - 1024);
}

if (args.Length > 0 && args[0] == "push")
{
    // push [--messages 20000] [--concurrency 64] [--warmup 3000] [--seed 7]
    int Number(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value) : fallback;
    return await PushLoad.RunAsync(Number("--messages", 20_000), Number("--concurrency", 64), Number("--warmup", 3_000), Number("--seed", 7));
}

if (args.Length > 0 && args[0] == "ingest-engines")
{
    // ingest-engines [--messages 20000] [--concurrency 64] [--warmup 3000] [--seed 7]: SQLite then PostgreSQL, same storm
    int Number(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value) : fallback;
    return await IngestEngines.RunAsync(Number("--messages", 20_000), Number("--concurrency", 64), Number("--warmup", 3_000), Number("--seed", 7));
}

if (args.Length > 0 && args[0] == "past")
{
    // past [--incidents 1000000] [--samples 40] [--without 3] [--interval 6]: the dashboard at past instants over HTTP, whole stream vs snapshots (interval in hours)
    int Number(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value) : fallback;
    return await Enki.Benchmarks.History.PastBenchmark.RunAsync(Number("--incidents", 1_000_000), Number("--samples", 40), Number("--without", 3),
        TimeSpan.FromHours(Number("--interval", 6)));
}

if (args.Length > 0 && args[0] == "replay")
{
    // replay [--incidents 11000] [--circuits 50] [--play 30] [--target 100]: walls replaying the same day at ×600, the server's time per step
    int Number(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value) : fallback;
    return await Enki.Benchmarks.History.ReplayBenchmark.RunAsync(Number("--incidents", 11_000), Number("--circuits", 50),
        TimeSpan.FromSeconds(Number("--play", 30)), Number("--target", 100));
}

if (args.Length == 7 && args[0] == "push-client")
{
    return await PushClient.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]), int.Parse(args[6]));
}

if (args.Length > 0 && args[0] == "outline-sizes")
{
    // outline-sizes [77 2A ...] [--dump DIR]: bytes of the served department and commune outlines
    return Enki.Benchmarks.Geography.OutlineSizeProbe.Run(args.Length > 1 ? args[1..] : ["77", "2A", "59"]);
}

if (args.Length == 3 && args[0] == "live-browsers")
{
    return await BrowserFleet.RunAsync(new Uri(args[1]), args[2]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
