using BenchmarkDotNet.Running;
using Enki.Benchmarks.Live;

// BenchmarkDotNet:   dotnet run -c Release --project Enki.Benchmarks -- --filter '*'
// Live-path load:    dotnet run -c Release --project Enki.Benchmarks -- live 1 50 200
if (args.Length > 0 && args[0] == "live")
{
    // live [--page tableau-de-bord/departement/77] 1 50 200
    var page = args.SkipWhile(a => a != "--page").Skip(1).FirstOrDefault() ?? LivePathLoad.DefaultPage;
    var circuits = args.Skip(1).Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(1).ToArray();
    return await LivePathLoad.RunAsync(circuits, page);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
