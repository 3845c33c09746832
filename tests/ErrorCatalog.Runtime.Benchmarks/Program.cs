using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ErrorCatalog.Runtime.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["async-scale", ..])
        {
            AsyncScaleHarness.RunAsync(throughputOnly: args is [_, "throughput"]).GetAwaiter().GetResult();
            return;
        }

        // BenchmarkDotNet rebuilds the project (generator and catalog included) in its own
        // folder; on a busy 2-core machine that can take longer than its default 2 minutes.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
