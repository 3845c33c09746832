using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>The pipeline's caching, observed through the driver's step tracking.</summary>
public class CachingTests
{
    private static readonly string[] TrackedStepNames = typeof(ErrorCatalogGenerator.TrackingNames)
        .GetFields()
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void EveryTrackingNameIsUsedByARun()
    {
        var run = Harness.Run(CatalogInput.FromFile(Harness.BindCatalogPath));

        Assert.NotEmpty(TrackedStepNames);
        foreach (var name in TrackedStepNames)
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(name), $"Step {name} did not run.");
        }
    }

    [Fact]
    public void UnrelatedCSharpEditLeavesEveryStepCachedOrUnchanged()
    {
        var catalog = CatalogInput.FromFile(Harness.BindCatalogPath);
        var compilation = Harness.CreateCompilation(new[] { "internal static class Existing { }" });
        var driver = Harness.CreateDriver(new[] { catalog }).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { public static int Answer => 42; }", Harness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackedStepNames, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void CatalogReplacedWithIdenticalTextLeavesTheOutputCached()
    {
        var catalog = CatalogInput.FromFile(Harness.BindCatalogPath);
        var oldText = new Harness.InMemoryAdditionalText(catalog.Path, catalog.Text);
        var compilation = Harness.CreateCompilation(new[] { "internal static class Existing { }" });
        var driver = Harness.CreateDriver(new[] { catalog }, texts: new[] { oldText }).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(oldText, new Harness.InMemoryAdditionalText(catalog.Path, catalog.Text));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // The new AdditionalText object is read again, but equals the old: nothing after it reruns.
        AssertAllOutputs(result, new[] { ErrorCatalogGenerator.TrackingNames.CatalogFiles }, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, new[] { ErrorCatalogGenerator.TrackingNames.ParsedCatalogs, ErrorCatalogGenerator.TrackingNames.EmitRequests }, IncrementalStepRunReason.Cached);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
        Assert.Single(result.GeneratedSources);
    }

    [Fact]
    public void ChangingOneEntryRegeneratesThatCatalogOnly()
    {
        var bind = CatalogInput.FromFile(Harness.BindCatalogPath);
        var other = bind with { Path = "/project/other/bind.yaml", Prefix = "Other" };
        var bindText = new Harness.InMemoryAdditionalText(bind.Path, bind.Text);
        var compilation = Harness.CreateCompilation(new[] { "internal static class Existing { }" });
        var driver = Harness.CreateDriver(new[] { bind, other }, texts: new AdditionalText[] { bindText, new Harness.InMemoryAdditionalText(other.Path, other.Text) }).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Bind.g.cs", StringComparison.Ordinal)).SourceText.ToString();

        var changedText = bind.Text.Replace("summary: Another socket already holds the requested address.", "summary: The address is taken by another socket.", StringComparison.Ordinal);
        Assert.NotEqual(bind.Text, changedText);
        driver = driver.ReplaceAdditionalText(bindText, new Harness.InMemoryAdditionalText(bind.Path, changedText));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, outputs);
        // The other catalog's output is untouched.
        Assert.Contains(IncrementalStepRunReason.Cached, outputs);
        var after = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Bind.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("The address is taken by another socket.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("The address is taken by another socket.", before, StringComparison.Ordinal);
    }

    private static void AssertAllOutputs(GeneratorRunResult result, IEnumerable<string> stepNames, params IncrementalStepRunReason[] allowed)
    {
        foreach (var name in stepNames)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var runs), $"Step {name} was not tracked.");
            foreach (var output in runs!.SelectMany(run => run.Outputs))
            {
                Assert.True(allowed.Contains(output.Reason), $"Step {name} output was {output.Reason}, expected {string.Join(" or ", allowed)}.");
            }
        }
    }

    private static void AssertSourceOutputs(GeneratorRunResult result, IncrementalStepRunReason expected)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(expected, output.Reason));
    }
}
