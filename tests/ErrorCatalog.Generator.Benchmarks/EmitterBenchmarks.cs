using System.Threading;
using BenchmarkDotNet.Attributes;
using ErrorCatalog.Generator.Emit;
using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// The spec and emit steps alone (model to spec to C# text) on synthetic catalogs built in code, which isolates the
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

    [Benchmark(Description = "spec + emit")]
    public int Emit() => Emitter.Emit(SpecBuilder.Build(spec, CancellationToken.None), CancellationToken.None).Length;
}
