using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project Enki.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
