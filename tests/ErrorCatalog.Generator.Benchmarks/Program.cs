using BenchmarkDotNet.Running;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/ErrorCatalog.Generator.Benchmarks -- --filter '*' --job short</c>,
/// or <c>-- steps 1000 10000</c> for the time and allocation of each step (<see cref="StepProfile"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "steps")
        {
            StepProfile.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
