using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// The emitter alone (model to C# text) on synthetic catalogs built in code, which isolates the
/// generator's own work from YAML parsing and reaches sizes the loader's input limits refuse.
/// </summary>
[MemoryDiagnoser]
public class EmitterBenchmarks
{
    private CatalogSpec spec;

    [Params(100, 1_000, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() =>
        spec = new CatalogSpec("/bench/synthetic.yaml", "synthetic.yaml", "Benchmarks.Synthetic", "Synthetic", SyntheticCatalog.Model(Entries));

    [Benchmark(Description = "emit")]
    public int Emit() => Emitter.Emit(spec, CancellationToken.None).Length;
}
