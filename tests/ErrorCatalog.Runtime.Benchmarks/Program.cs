using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ErrorCatalog.Runtime.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // async-scale [throughput | pending N...] [--verbose]: the harness of AsyncScaleHarness.
        if (args is ["async-scale", ..])
        {
            var rest = args[1..].Where(arg => arg != "--verbose").ToArray();
            int[] counts = rest switch
            {
                [] => AsyncScaleHarness.PendingCounts,
                ["throughput"] => [],
                ["pending", .. var values] => values.Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToArray(),
                _ => throw new ArgumentException("usage: async-scale [throughput | pending N...] [--verbose]"),
            };
            AsyncScaleHarness.RunAsync(counts, throughput: rest is [] or ["throughput"], verbose: args.Contains("--verbose")).GetAwaiter().GetResult();
            return;
        }

        // BenchmarkDotNet rebuilds the project (generator and catalog included) in its own
        // folder; on a busy 2-core machine that can take longer than its default 2 minutes.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
