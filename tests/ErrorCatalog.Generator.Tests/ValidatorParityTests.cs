using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// The generator and <c>errcat validate</c> share one validator: for the same file they must
/// report the same diagnostics (id, line, column), and whatever they accept must compile.
/// Checked on seeded random mutations of a real catalog.
/// </summary>
public class ValidatorParityTests
{
    private const int Mutations = 2000;

    [Fact]
    public void GeneratorAndErrcatValidateReportTheSameForMutatedCatalogsAndAcceptedOnesCompile()
    {
        var original = File.ReadAllText(Harness.BindCatalogPath);
        var directory = Path.Combine(Path.GetTempPath(), "errorcatalog-parity-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        var compiled = new HashSet<string>(StringComparer.Ordinal);
        var accepted = 0;
        var differences = new List<string>();
        try
        {
            for (var seed = 0; seed < Mutations; seed++)
            {
                var random = new Random(seed);
                var text = original;
                var steps = random.Next(1, 4);
                for (var step = 0; step < steps; step++)
                {
                    text = CatalogMutations.Mutate(text, random);
                }

                var path = Path.Combine(directory, "m" + seed + ".yaml");
                var bytes = Encoding.UTF8.GetBytes(text);
                File.WriteAllBytes(path, bytes);

                // errcat validate: LoadFile, then the files checked together.
                var errcat = CatalogValidator.CheckLoadedTogether(new[] { CatalogLoader.LoadFile(path) })[0];
                var errcatDiagnostics = errcat.Diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column)).ToList();

                // The generator, with the file's bytes decoded as the compiler decodes AdditionalFiles.
                var run = RunGenerator(path, bytes);
                var generatorDiagnostics = run.Diagnostics
                    .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1))
                    .ToList();
                if (!errcatDiagnostics.SequenceEqual(generatorDiagnostics))
                {
                    differences.Add($"seed {seed}: errcat [{string.Join(", ", errcatDiagnostics)}] generator [{string.Join(", ", generatorDiagnostics)}]");
                }

                Assert.Equal(errcat.Succeeded, run.Sources.Count == 1);
                if (errcat.Succeeded)
                {
                    accepted++;
                    var source = run.Sources[0].SourceText.ToString();
                    if (compiled.Add(source))
                    {
                        var errors = run.CompilationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                        Assert.True(errors.Count == 0, $"seed {seed} was accepted but does not compile:\n" + string.Join("\n", errors.Take(5)));
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));

        // The mutations must exercise both outcomes, or the test proves little.
        Assert.InRange(accepted, 20, Mutations - 200);
    }

    private static GeneratorRun RunGenerator(string path, byte[] bytes)
    {
        var input = new CatalogInput(path, string.Empty);
        var compilation = Harness.CreateCompilation(new[] { "internal static class Placeholder { }" });
        var text = new BytesAdditionalText(path, SourceText.From(bytes, bytes.Length, encoding: null, throwIfBinaryDetected: false));
        var driver = Harness.CreateDriver(new[] { input }, texts: new AdditionalText[] { text })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, compilation, output, driver.GetRunResult().Results.Single());
    }

    private sealed class BytesAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
