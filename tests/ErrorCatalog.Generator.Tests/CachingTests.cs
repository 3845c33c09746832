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
    private static readonly IReadOnlyCollection<string> TrackedStepNames = Harness.GeneratorStepNames;

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

        // Per generated file: the edited catalog's spec and output are rebuilt, the other's come from the cache.
        var bindHint = "ErrorCatalog.Tests.Bind.Bind.g.cs";
        var otherHint = "ErrorCatalog.Tests.Bind.Other.g.cs";
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, StepReasonsFor(result, ErrorCatalogGenerator.TrackingNames.EmitSpecs, bindHint));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, StepReasonsFor(result, ErrorCatalogGenerator.TrackingNames.EmitSpecs, otherHint));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, OutputReasonsFor(result, bindHint));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, OutputReasonsFor(result, otherHint));
        var after = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Bind.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("The address is taken by another socket.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("The address is taken by another socket.", before, StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogEditThatChangesNothingEmittedKeepsTheEmitStepCached()
    {
        var catalog = CatalogInput.FromFile(Harness.BindCatalogPath);
        var oldText = new Harness.InMemoryAdditionalText(catalog.Path, catalog.Text);
        var compilation = Harness.CreateCompilation(new[] { "internal static class Existing { }" });
        var driver = Harness.CreateDriver(new[] { catalog }, texts: new[] { oldText }).RunGenerators(compilation);

        // A source's URL is catalog data that the generated code does not show.
        var changedText = catalog.Text.Replace("url: https://pubs.opengroup.org/onlinepubs/9699919799/functions/bind.html", "url: https://pubs.opengroup.org/onlinepubs/9799919799/functions/bind.html", StringComparison.Ordinal);
        Assert.NotEqual(catalog.Text, changedText);
        driver = driver.ReplaceAdditionalText(oldText, new Harness.InMemoryAdditionalText(catalog.Path, changedText));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // The loaded model differs, the spec built from it does not: the emitter does not run.
        AssertAllOutputs(result, new[] { ErrorCatalogGenerator.TrackingNames.ParsedCatalogs }, IncrementalStepRunReason.Modified);
        AssertAllOutputs(result, new[] { ErrorCatalogGenerator.TrackingNames.EmitSpecs }, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, new[] { ErrorCatalogGenerator.TrackingNames.EmitRequests }, IncrementalStepRunReason.Cached);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
    }

    /// <summary>The reasons of the outputs of step <paramref name="stepName"/> that belong to the generated file <paramref name="hintName"/>.</summary>
    private static List<IncrementalStepRunReason> StepReasonsFor(GeneratorRunResult result, string stepName, string hintName) =>
        result.TrackedSteps[stepName]
            .SelectMany(run => run.Outputs)
            .Where(output => output.Value is EmitPlan { Spec: { } spec } && spec.HintName == hintName)
            .Select(output => output.Reason)
            .ToList();

    /// <summary>The reasons of the source-output runs whose input is the emit request for <paramref name="hintName"/>.</summary>
    private static List<IncrementalStepRunReason> OutputReasonsFor(GeneratorRunResult result, string hintName) =>
        result.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .Where(run => run.Inputs.Any(input => input.Source.Outputs[input.OutputIndex].Value is EmitRequest { Plan.Spec: { } spec } && spec.HintName == hintName))
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToList();

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
