using BenchmarkDotNet.Running;
using Enki.Benchmarks.Live;

// BenchmarkDotNet:   dotnet run -c Release --project Enki.Benchmarks -- --filter '*'
// Live-path load:    dotnet run -c Release --project Enki.Benchmarks -- live 1 50 200
if (args.Length > 0 && args[0] == "live")
{
    var circuits = args.Skip(1).Select(int.Parse).DefaultIfEmpty(1).ToArray();
    return await LivePathLoad.RunAsync(circuits);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
