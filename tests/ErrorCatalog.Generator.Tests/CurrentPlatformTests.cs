using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Tests.Bind;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// <c>{Prefix}Errors.CurrentPlatform</c>, generated from the platforms' <c>runs-on</c>, run on this
/// machine; and the platform and classification values, which come from the catalog's <c>value</c>
/// fields rather than from the order of the lists.
/// </summary>
public class CurrentPlatformTests
{
    private static readonly string Bind = File.ReadAllText(Harness.BindCatalogPath);

    private static string ThisArchitecture => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    private static string OtherArchitecture => RunsOnVocabulary.Architectures.First(a => a != ThisArchitecture);

    [SkippableFact]
    public void The_compiled_in_bind_catalog_detects_its_linux_column_here()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64, "bind.yaml's linux-generic runs on Linux x64 and arm64 among others; this test checks the answer on such a machine.");
        Assert.Equal(BindPlatform.LinuxGeneric, BindErrors.CurrentPlatform);
    }

    [SkippableFact]
    public void The_connect_catalog_detects_the_column_of_this_system()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsWindows(), "The expected column is known here for Linux and Windows.");
        var current = CurrentPlatformOf(File.ReadAllText(Harness.ConnectCatalogPath), "ErrorCatalog.Connect.ConnectErrors");
        Assert.Equal(OperatingSystem.IsLinux() ? "Linux" : "Windows", current?.ToString());
    }

    [Fact]
    public void A_catalog_whose_platforms_all_run_elsewhere_detects_nothing()
    {
        // The Linux column moves to a BSD; the Windows column moves only when this is Windows.
        var elsewhere = Bind.Edit("os: [linux]", OperatingSystem.IsFreeBSD() ? "os: [netbsd]" : "os: [freebsd]");
        if (OperatingSystem.IsWindows())
        {
            elsewhere = elsewhere.Edit("os: [windows]", "os: [illumos]");
        }

        Assert.Null(CurrentPlatformOf(elsewhere, "ErrorCatalog.Tests.Bind.BindErrors"));
    }

    [SkippableFact]
    public void The_process_architecture_must_be_listed_when_arch_is_given()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The edited column runs on Linux.");
        var arch = "arch: [x86, x64, arm, arm64, riscv64]";
        Assert.Null(CurrentPlatformOf(Bind.Edit(arch, "arch: [" + OtherArchitecture + "]"), "ErrorCatalog.Tests.Bind.BindErrors"));
        Assert.Equal("LinuxGeneric", CurrentPlatformOf(Bind.Edit(arch, "arch: [" + OtherArchitecture + ", " + ThisArchitecture + "]"), "ErrorCatalog.Tests.Bind.BindErrors")!.ToString());
        Assert.Equal("LinuxGeneric", CurrentPlatformOf(Bind.Edit("      " + arch + "\n", string.Empty), "ErrorCatalog.Tests.Bind.BindErrors")!.ToString());
    }

    [Fact]
    public void A_catalog_without_runs_on_has_a_current_platform_that_is_always_null()
    {
        var withoutRunsOn = Bind.Edit("    runs-on:\n      os: [linux]\n      arch: [x86, x64, arm, arm64, riscv64]\n", string.Empty).Edit("    runs-on:\n      os: [windows]\n", string.Empty);
        Assert.Null(CurrentPlatformOf(withoutRunsOn, "ErrorCatalog.Tests.Bind.BindErrors"));
    }

    [Fact]
    public void Reordering_platforms_and_classifications_keeps_every_value()
    {
        var platforms = Section(Bind, "platforms:\n", "\nfamilies:");
        var classifications = Section(Bind, "classifications:\n", "\ngroups:");
        var reordered = Bind
            .Edit(platforms, string.Concat(Items(platforms).Reverse()))
            .Edit(classifications, string.Concat(Items(classifications).Reverse()));
        Assert.NotEqual(Bind, reordered);

        var original = Harness.EmitAndLoad(Harness.Run(new CatalogInput("bind.yaml", Bind)).OutputCompilation);
        var moved = Harness.EmitAndLoad(Harness.Run(new CatalogInput("bind.yaml", reordered)).OutputCompilation);
        foreach (var type in new[] { "ErrorCatalog.Tests.Bind.BindPlatform", "ErrorCatalog.Tests.Bind.BindClassification" })
        {
            Assert.Equal(Members(original.GetType(type, throwOnError: true)!), Members(moved.GetType(type, throwOnError: true)!).OrderBy(m => m.Value));
        }

        // The declarations really moved: the first member in source order is a different one.
        Assert.NotEqual(
            original.GetType("ErrorCatalog.Tests.Bind.BindPlatform")!.GetFields().First(f => f.IsLiteral).Name,
            moved.GetType("ErrorCatalog.Tests.Bind.BindPlatform")!.GetFields().First(f => f.IsLiteral).Name);
    }

    private static (string Name, int Value)[] Members(Type enumType) =>
        enumType.GetFields().Where(f => f.IsLiteral).Select(f => (f.Name, (int)f.GetRawConstantValue()!)).OrderBy(m => m.Item2).ToArray();

    /// <summary>The list items of a section, each from its "  - id:" line up to the next.</summary>
    private static string[] Items(string section) =>
        section.Split("  - id:", StringSplitOptions.RemoveEmptyEntries).Select(item => "  - id:" + item).ToArray();

    private static string Section(string text, string header, string end)
    {
        var start = text.IndexOf(header, StringComparison.Ordinal) + header.Length;
        return text.Substring(start, text.IndexOf(end, start, StringComparison.Ordinal) - start + 1);
    }

    private static object? CurrentPlatformOf(string yaml, string errorsType)
    {
        var run = Harness.Run(new CatalogInput("catalog.yaml", yaml));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics());
        var errors = Harness.EmitAndLoad(run.OutputCompilation).GetType(errorsType, throwOnError: true)!;
        return errors.GetProperty("CurrentPlatform")!.GetValue(null);
    }
}

/// <summary>Edits of catalog text for tests.</summary>
internal static class CatalogTextEdits
{
    /// <summary>Replaces the one occurrence of <paramref name="find"/>, failing when there is not exactly one.</summary>
    public static string Edit(this string text, string find, string replace)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0 && text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, "expected exactly one occurrence of: " + find);
        return text.Substring(0, first) + replace + text.Substring(first + find.Length);
    }
}
