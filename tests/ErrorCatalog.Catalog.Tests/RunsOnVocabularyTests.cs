using System;
using System.Linq;
using System.Runtime.InteropServices;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>The runs-on words against what the running .NET itself knows.</summary>
public class RunsOnVocabularyTests
{
    [Fact]
    public void Architecture_names_are_the_lower_case_members_at_their_numeric_values()
    {
        var members = Enum.GetValues<Architecture>().ToDictionary(a => (int)a, a => a.ToString().ToLowerInvariant());
        Assert.Equal(members.Count, RunsOnVocabulary.Architectures.Count);
        for (var value = 0; value < RunsOnVocabulary.Architectures.Count; value++)
        {
            Assert.Equal(members[value], RunsOnVocabulary.Architectures[value]);
            Assert.Equal(value, RunsOnVocabulary.ArchitectureValue(RunsOnVocabulary.Architectures[value]));
        }

        Assert.Equal(-1, RunsOnVocabulary.ArchitectureValue("aarch64"));
    }

    [Fact]
    public void Exactly_the_name_of_the_running_system_is_recognised_here()
    {
        var recognised = RunsOnVocabulary.OperatingSystems.Where(OperatingSystem.IsOSPlatform).ToList();
        Assert.Single(recognised);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("linux", recognised[0]);
        }
        else if (OperatingSystem.IsWindows())
        {
            Assert.Equal("windows", recognised[0]);
        }
        else if (OperatingSystem.IsMacOS())
        {
            Assert.Equal("macos", recognised[0]);
        }
    }

    [Fact]
    public void Ios_also_matches_mac_catalyst_and_nothing_else_matches_another_system()
    {
        foreach (var name in RunsOnVocabulary.OperatingSystems)
        {
            foreach (var system in RunsOnVocabulary.OperatingSystems)
            {
                var expected = name == system || (name == "ios" && system == "maccatalyst");
                Assert.Equal(expected, RunsOnVocabulary.Matches(name, system));
            }
        }
    }

    [Fact]
    public void Runs_on_without_arch_covers_every_processor_and_with_arch_only_those()
    {
        var any = new PlatformRunsOn(EquatableArray.Create("linux"), EquatableArray<string>.Empty);
        var some = new PlatformRunsOn(EquatableArray.Create("linux", "android"), EquatableArray.Create("arm64"));
        Assert.All(RunsOnVocabulary.Architectures, a => Assert.True(any.Covers("linux", a)));
        Assert.True(some.Covers("android", "arm64"));
        Assert.False(some.Covers("android", "x64"));
        Assert.False(some.Covers("windows", "arm64"));
        Assert.Equal(("linux", "arm64"), any.FirstSharedTarget(some));
        Assert.Null(new PlatformRunsOn(EquatableArray.Create("windows"), EquatableArray<string>.Empty).FirstSharedTarget(some));
    }
}
