using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using ErrorCatalog.Catalog.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// Time and allocation of each step of a full generator run on the synthetic catalogs, one step at
/// a time on the same input: YamlDotNet's event parser alone, the loader as a whole, the
/// generator's parse step (the loader plus the spec record), the spec, the emitter, Roslyn parsing
/// the generated text, and the whole driver run for comparison.
/// Run with <c>dotnet run -c Release --project tests/ErrorCatalog.Generator.Benchmarks -- steps connect 100 1000 10000</c>
/// (a number is a synthetic catalog of that many entries; <c>connect</c> is catalog/connect.yaml).
/// Allocation is per thread (every step runs on this one) and does not depend on the machine's load.
/// </summary>
public static class StepProfile
{
    private const int Repetitions = 5;

    // The median time the runtime was paused for collections in the last sampled step.
    private static double lastPauseMilliseconds;

    public static void Run(IReadOnlyList<string> sizes)
    {
        // Times depend on the collector: the compiler server (VBCSCompiler) runs with server GC.
        Console.WriteLine("GC: " + (System.Runtime.GCSettings.IsServerGC ? "server" : "workstation") + ", " + System.Runtime.GCSettings.LatencyMode);
        Console.WriteLine("| entries | step | median ms | of which GC pauses | KB per entry |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            // A number is a synthetic catalog of that many entries; anything else names connect.yaml.
            var synthetic = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var count);
            var yaml = synthetic ? SyntheticCatalog.Yaml(count) : File.ReadAllText(GeneratorBenchmarks.FindConnectCatalog());
            var file = new CatalogFile("/bench/synthetic.yaml", yaml, null, null);
            var parsed = Parser.Parse(file, CancellationToken.None);
            var entries = parsed.Spec!.Value.Catalog.Errors.Count;
            var spec = Spec.SpecBuilder.Build(parsed.Spec!.Value, CancellationToken.None);
            var text = Emit.Emitter.Emit(spec, CancellationToken.None);
            if (Environment.GetEnvironmentVariable("STEP_DUMP") is { Length: > 0 } dump)
            {
                File.WriteAllText(dump, text.ToString());
            }

            Measure(entries, "YamlDotNet parser events only", () => ParseEvents(yaml));
            Measure(entries, "YamlDotNet scanner tokens only (what the loader reads)", () => ScanTokens(yaml));
            Measure(entries, "CatalogLoader.Load (YAML, model, checks, spans)", () => CatalogLoader.Load(file.Path, yaml, default).Catalog);
            Measure(entries, "Parser.Parse (generator step: Load + CatalogSpec)", () => Parser.Parse(file, CancellationToken.None));
            Measure(entries, "CatalogSpec equality (the driver's cache check)", () => parsed.Equals(Parser.Parse(file, CancellationToken.None)), subtract: () => Parser.Parse(file, CancellationToken.None));
            Measure(entries, "SpecBuilder.Build", () => Spec.SpecBuilder.Build(parsed.Spec!.Value, CancellationToken.None));
            Measure(entries, "EmitSpec equality", () => spec.Equals(Spec.SpecBuilder.Build(parsed.Spec!.Value, CancellationToken.None)), subtract: () => Spec.SpecBuilder.Build(parsed.Spec!.Value, CancellationToken.None));
            Measure(entries, "Emitter.Emit", () => Emit.Emitter.Emit(spec, CancellationToken.None));
            if (Environment.GetEnvironmentVariable("STEP_ROSLYN") == "1")
            {
                // Not part of a driver run: the driver parses generated files lazily, when the compilation first needs them.
                Measure(entries, "Roslyn parse of the generated text (not in the driver run)", () => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot());
            }

            Measure(entries, "full driver run (RunGenerators + GeneratedTrees)", () => FullRun(yaml));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "|  | generated text: {0:N0} chars ({1:N0} per entry) |  |  |  |", text.Length, text.Length / entries));
        }
    }

    private static object ParseEvents(string yaml)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    private static object ScanTokens(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var tokens = 0;
        while (scanner.MoveNext())
        {
            tokens++;
        }

        return tokens;
    }

    private static object FullRun(string yaml)
    {
        var compilation = CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText("internal static class Existing { }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ErrorCatalogGenerator().AsSourceGenerator() },
            new[] { new CatalogText("/bench/synthetic.yaml", yaml) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new GeneratorBenchmarks.MarkedCatalogOptions());
        var result = driver.RunGenerators(compilation).GetRunResult();
        if (result.GeneratedTrees.Length != 1)
        {
            throw new InvalidOperationException("expected one generated file: " + string.Join("; ", result.Diagnostics));
        }

        return result;
    }

    private static void Measure(int entries, string step, Func<object?> action, Func<object?>? subtract = null)
    {
        if (Environment.GetEnvironmentVariable("STEP_ONLY") is { Length: > 0 } only && step.IndexOf(only, StringComparison.Ordinal) < 0)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("STEP_TYPES") == "1")
        {
            using var listener = new AllocationListener();
            GC.KeepAlive(action());
            Console.WriteLine("  " + step + ": " + listener.Top(40));
        }

        var (milliseconds, bytes) = Sample(action);
        var pauseMilliseconds = lastPauseMilliseconds;
        if (subtract is not null)
        {
            var (baseMilliseconds, baseBytes) = Sample(subtract);
            milliseconds -= baseMilliseconds;
            bytes -= baseBytes;
            pauseMilliseconds -= lastPauseMilliseconds;
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1} | {2:N1} | {3:N1} | {4:N2} |", entries, step, milliseconds, pauseMilliseconds, bytes / 1024.0 / entries));
    }

    private static (double Milliseconds, long Bytes) Sample(Func<object?> action)
    {
        GC.KeepAlive(action());
        var times = new double[Repetitions];
        var pauses = new double[Repetitions];
        long bytes = 0;
        for (var i = 0; i < Repetitions; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var pausedBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            watch.Stop();
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            times[i] = watch.Elapsed.TotalMilliseconds;
            pauses[i] = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        }

        Array.Sort(times);
        Array.Sort(pauses);
        lastPauseMilliseconds = pauses[Repetitions / 2];
        return (times[Repetitions / 2], bytes);
    }

    /// <summary>Samples allocations by type (the runtime's AllocationTick event, about one per 100 KB).</summary>
    private sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> byType = new();

        public string Top(int count)
        {
            lock (byType)
            {
                var list = new List<KeyValuePair<string, long>>(byType);
                list.Sort((a, b) => b.Value.CompareTo(a.Value));
                var parts = new List<string>();
                for (var i = 0; i < Math.Min(count, list.Count); i++)
                {
                    parts.Add(list[i].Key + " " + (list[i].Value / 1024) + "K");
                }

                return string.Join(", ", parts);
            }
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs data)
        {
            if (data.EventName is not null && data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && data.Payload is { } payload)
            {
                // Kind 1 is the large object heap: its allocations can start a full (gen2) collection.
                var large = Convert.ToInt32(payload[data.PayloadNames!.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == 1;
                var type = (large ? "[LOH] " : string.Empty) + (string)payload[data.PayloadNames!.IndexOf("TypeName")]!;
                var amount = Convert.ToInt64(payload[data.PayloadNames!.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
                lock (byType)
                {
                    byType[type] = byType.GetValueOrDefault(type) + amount;
                }
            }
            else if (data.EventName is not null && data.EventName.StartsWith("GCStart", StringComparison.Ordinal) && data.Payload is { } start)
            {
                // Which generation each collection was and why it started (GC reason numbers of the runtime's GCStart event).
                var key = "[GC gen" + start[data.PayloadNames!.IndexOf("Depth")] + " reason " + start[data.PayloadNames!.IndexOf("Reason")] + "]";
                lock (byType)
                {
                    byType[key] = byType.GetValueOrDefault(key) + 1024;
                }
            }
        }
    }

    private sealed class CatalogText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }
}
