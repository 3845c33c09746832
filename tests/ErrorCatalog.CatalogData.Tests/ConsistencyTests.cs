using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Reflection;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>Shape and content rules of the real catalog beyond what the loader checks.</summary>
public sealed class ConsistencyTests
{
    private static readonly string[] PlatformIds =
    {
        "linux", "linux-mips", "linux-sparc", "linux-alpha", "linux-parisc", "darwin", "freebsd", "openbsd", "netbsd", "windows", "windows-crt",
    };

    [Fact]
    public void TheCatalogLoadsWithoutDiagnostics()
    {
        var result = RepositoryCatalog.Result;
        Assert.True(
            result.Succeeded && result.Diagnostics.Count == 0,
            "Diagnostics for catalog/connect.yaml:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
    }

    [Theory]
    [InlineData("posix", new[] { "shall-fail", "shall-fail-unix", "may-fail" })]
    [InlineData("linux", new[] { "errors" })]
    [InlineData("ruby", new[] { "unix", "unix-af-unix", "windows" })]
    [InlineData("glibc", new[] { "errors" })]
    [InlineData("zig", new[] { "error", "unreachable", "retry" })]
    [InlineData("winsock", new[] { "listed" })]
    public void EverySourceIsDeclaredWithItsAttributions(string source, string[] attributions)
    {
        var definition = RepositoryCatalog.Catalog.FindSource(source);
        Assert.NotNull(definition);
        Assert.Equal(attributions, definition!.Attributions.Select(a => a.Id));
    }

    [Fact]
    public void OnlyTheSixSourcesAreDeclared()
    {
        Assert.Equal(
            new[] { "posix", "linux", "ruby", "glibc", "zig", "winsock" },
            RepositoryCatalog.Catalog.Sources.Select(s => s.Id));
    }

    [Fact]
    public void PlatformsAreTheElevenExpectedWithTheirKinds()
    {
        var platforms = RepositoryCatalog.Catalog.Platforms;
        Assert.Equal(PlatformIds, platforms.Select(p => p.Id));
        foreach (var platform in platforms)
        {
            Assert.Equal(platform.Id == "windows" ? PlatformKind.Winsock : PlatformKind.Errno, platform.Kind);
        }
    }

    [Fact]
    public void EveryEntryAndAliasCoversEveryPlatform()
    {
        var problems = new List<string>();
        foreach (var entry in RepositoryCatalog.Catalog.Errors)
        {
            var covered = entry.Codes.Select(c => c.Platform).ToList();
            if (!covered.SequenceEqual(PlatformIds))
            {
                problems.Add($"{entry.Name}: codes cover [{string.Join(", ", covered)}]");
            }

            foreach (var alias in entry.Aliases)
            {
                var aliasCovered = alias.Codes.Select(c => c.Platform).ToList();
                if (!aliasCovered.SequenceEqual(PlatformIds))
                {
                    problems.Add($"{entry.Name} alias {alias.Name}: codes cover [{string.Join(", ", aliasCovered)}]");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheClassificationsAreTheSixPolicyClasses()
    {
        var classifications = RepositoryCatalog.Catalog.Classifications;
        Assert.Equal(
            new[] { "caller-bug", "in-progress", "transient", "permanent", "permission", "resource" },
            classifications.Select(c => c.Id));
        Assert.All(classifications, c => Assert.Contains("policy", c.Description, StringComparison.OrdinalIgnoreCase));
    }

    // The three ERRORS lists of POSIX.1-2008 connect() (seed 002), as data: this is the spec the
    // posix attributions must reproduce exactly.
    public static TheoryData<string, string[]> PosixLists() => new()
    {
        { "shall-fail", new[] { "EADDRNOTAVAIL", "EAFNOSUPPORT", "EALREADY", "EBADF", "ECONNREFUSED", "EINPROGRESS", "EINTR", "EISCONN", "ENETUNREACH", "ENOTSOCK", "EPROTOTYPE", "ETIMEDOUT" } },
        { "shall-fail-unix", new[] { "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR" } },
        { "may-fail", new[] { "EACCES", "EADDRINUSE", "ECONNRESET", "EHOSTUNREACH", "EINVAL", "ELOOP", "ENAMETOOLONG", "ENETDOWN", "ENOBUFS", "EOPNOTSUPP" } },
    };

    [Theory]
    [MemberData(nameof(PosixLists))]
    public void PosixAttributionsMatchTheStandardsLists(string attribution, string[] expected)
    {
        var actual = RepositoryCatalog.Catalog.Errors
            .Where(e => e.ListingBy("posix")?.Attributions.Any(a => a.How == attribution) == true)
            .Select(e => e.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), actual);
    }

    [Fact]
    public void ValuesAreUniqueAndPositive()
    {
        var values = RepositoryCatalog.Catalog.Errors.Select(e => e.Value).ToList();
        Assert.All(values, v => Assert.True(v > 0));
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Fact]
    public void EveryDotNetNameIsASocketErrorMember()
    {
        var wrong = RepositoryCatalog.Catalog.Errors
            .Where(e => e.DotNet is not null && !Enum.GetNames<SocketError>().Contains(e.DotNet, StringComparer.Ordinal))
            .Select(e => $"{e.Name}: {e.DotNet}")
            .ToList();
        Assert.True(wrong.Count == 0, "Not members of System.Net.Sockets.SocketError: " + string.Join(", ", wrong));
    }

    [Fact]
    public void DotNetNamesMatchWhatThisRuntimeReportsForLinuxErrors()
    {
        // .NET maps errno values to SocketError in an internal table (SocketErrorPal). The catalog's
        // dotnet field records that mapping, so reflecting over the table pins it to the runtime.
        var assembly = typeof(Socket).Assembly;
        var pal = assembly.GetTypes().SingleOrDefault(t => t.Name == "SocketErrorPal");
        Assert.True(pal is not null, "System.Net.Sockets no longer has an internal SocketErrorPal type; re-derive the dotnet mapping for this runtime.");
        var map = pal!.GetMethod("GetSocketErrorForNativeError", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.True(map is not null, "SocketErrorPal.GetSocketErrorForNativeError is gone; re-derive the dotnet mapping for this runtime.");
        var nativeErrorType = map!.GetParameters()[0].ParameterType;

        var problems = new List<string>();
        var compared = 0;
        foreach (var entry in RepositoryCatalog.Catalog.Errors.Where(e => e.CodeOn("linux") is not null))
        {
            if (!Enum.IsDefined(nativeErrorType, entry.Name))
            {
                // The runtime has no name for it, so it can only report the generic member.
                if (entry.DotNet is not null)
                {
                    problems.Add($"{entry.Name}: the runtime has no such native error, but the catalog says {entry.DotNet}");
                }

                continue;
            }

            compared++;
            var reported = (SocketError)map.Invoke(null, new[] { Enum.Parse(nativeErrorType, entry.Name) })!;
            var expected = reported == SocketError.SocketError ? null : reported.ToString();
            if (!string.Equals(expected, entry.DotNet, StringComparison.Ordinal))
            {
                problems.Add($"{entry.Name}: the runtime reports {reported}, the catalog says {entry.DotNet ?? "(none)"}");
            }
        }

        Assert.True(compared > 20, $"Only {compared} entries could be compared; the runtime's native error names changed.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void WinsockListingsNameTheWsaFormOfAnEntryWithAWindowsCode()
    {
        var problems = new List<string>();
        foreach (var entry in RepositoryCatalog.Catalog.Errors)
        {
            var listing = entry.ListingBy("winsock");
            if (listing is null)
            {
                continue;
            }

            var windowsNames = entry.NamesOn("windows").Select(n => n.Name.StartsWith("WSA", StringComparison.Ordinal) ? n.Name : "WSA" + n.Name).ToList();
            foreach (var attribution in listing.Attributions)
            {
                var name = attribution.Name ?? entry.Name;
                if (!windowsNames.Contains(name, StringComparer.Ordinal))
                {
                    problems.Add($"{entry.Name}: winsock lists {name}, but the entry's Windows names are [{string.Join(", ", windowsNames)}]");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ZigErrorsAndRubyClassesAreNamedInTheSourcesOwnForm()
    {
        var problems = new List<string>();
        foreach (var entry in RepositoryCatalog.Catalog.Errors)
        {
            foreach (var attribution in entry.ListingBy("zig")?.Attributions ?? default)
            {
                if (attribution.How == "error" && (attribution.Name is null || !char.IsUpper(attribution.Name[0])))
                {
                    problems.Add($"{entry.Name}: a zig 'error' attribution must name the Zig error");
                }
            }

            foreach (var attribution in entry.ListingBy("ruby")?.Attributions ?? default)
            {
                if (attribution.Name is not null && !attribution.Name.StartsWith("Errno::", StringComparison.Ordinal))
                {
                    problems.Add($"{entry.Name}: the Ruby name {attribution.Name} is not an Errno:: class");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EntriesNoSourceListsCarryEvidencedQuirks()
    {
        // Errors only Linux's behaviour shows (ECONNABORTED, the ICMP-driven ones, ENODEV) must say
        // how that is known.
        var unexplained = RepositoryCatalog.Catalog.Errors
            .Where(e => e.Sources.Count == 0 || e.Sources.All(s => s.Source == "zig" && s.Attributions.All(a => a.How != "error")))
            .Where(e => !e.Quirks.Any(q => q.Platforms.Contains("linux") && !string.IsNullOrWhiteSpace(q.Evidence)))
            .Select(e => e.Name)
            .ToList();
        Assert.True(unexplained.Count == 0, "Entries without a source or an evidenced Linux quirk: " + string.Join(", ", unexplained));
    }
}
