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

    private const string Connect = "connect.yaml";
    private const string SocketCall = "socket.yaml";

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void TheCatalogLoadsWithoutDiagnostics(string file)
    {
        var result = RepositoryCatalog.Result(file);
        Assert.True(
            result.Succeeded && result.Diagnostics.Count == 0,
            $"Diagnostics for catalog/{file}:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void TheRepositoryHasTheConnectAndSocketCatalogs()
    {
        Assert.Contains(Connect, RepositoryCatalog.FileNames);
        Assert.Contains(SocketCall, RepositoryCatalog.FileNames);
    }

    [Theory]
    [InlineData(Connect, "posix", new[] { "shall-fail", "shall-fail-unix", "may-fail" })]
    [InlineData(Connect, "linux", new[] { "errors" })]
    [InlineData(Connect, "ruby", new[] { "unix", "unix-af-unix", "windows" })]
    [InlineData(Connect, "glibc", new[] { "errors" })]
    [InlineData(Connect, "zig", new[] { "error", "unreachable", "retry" })]
    [InlineData(Connect, "winsock", new[] { "listed" })]
    [InlineData(SocketCall, "posix", new[] { "shall-fail", "may-fail" })]
    [InlineData(SocketCall, "linux", new[] { "errors" })]
    [InlineData(SocketCall, "glibc", new[] { "errors" })]
    [InlineData(SocketCall, "zig", new[] { "error", "retry" })]
    [InlineData(SocketCall, "winsock", new[] { "listed" })]
    public void EverySourceIsDeclaredWithItsAttributions(string file, string source, string[] attributions)
    {
        var definition = RepositoryCatalog.Load(file).FindSource(source);
        Assert.NotNull(definition);
        Assert.Equal(attributions, definition!.Attributions.Select(a => a.Id));
    }

    [Theory]
    [InlineData(Connect, new[] { "posix", "linux", "ruby", "glibc", "zig", "winsock" })]
    // Ruby's Socket.new documents no errors, so the socket() catalog cites no Ruby document.
    [InlineData(SocketCall, new[] { "posix", "linux", "glibc", "zig", "winsock" })]
    public void OnlyTheExpectedSourcesAreDeclared(string file, string[] sources)
    {
        Assert.Equal(sources, RepositoryCatalog.Load(file).Sources.Select(s => s.Id));
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void PlatformsAreTheElevenExpectedWithTheirKinds(string file)
    {
        var platforms = RepositoryCatalog.Load(file).Platforms;
        Assert.Equal(PlatformIds, platforms.Select(p => p.Id));
        foreach (var platform in platforms)
        {
            Assert.Equal(platform.Id == "windows" ? PlatformKind.Winsock : PlatformKind.Errno, platform.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void EveryEntryAndAliasCoversEveryPlatform(string file)
    {
        var problems = new List<string>();
        foreach (var entry in RepositoryCatalog.Load(file).Errors)
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

    [Theory]
    [InlineData(Connect, new[] { "caller-bug", "in-progress", "transient", "permanent", "permission", "resource" })]
    [InlineData(SocketCall, new[] { "caller-bug", "unsupported", "permission", "resource", "transient" })]
    public void TheClassificationsAreTheProjectsPolicyClasses(string file, string[] expected)
    {
        var classifications = RepositoryCatalog.Load(file).Classifications;
        Assert.Equal(expected, classifications.Select(c => c.Id));
        Assert.All(classifications, c => Assert.Contains("policy", c.Description, StringComparison.OrdinalIgnoreCase));
    }

    // The ERRORS lists of POSIX.1 connect() (seed 002) and socket(), as data: this is the spec the
    // posix attributions must reproduce exactly.
    public static TheoryData<string, string, string[]> PosixLists() => new()
    {
        { Connect, "shall-fail", new[] { "EADDRNOTAVAIL", "EAFNOSUPPORT", "EALREADY", "EBADF", "ECONNREFUSED", "EINPROGRESS", "EINTR", "EISCONN", "ENETUNREACH", "ENOTSOCK", "EPROTOTYPE", "ETIMEDOUT" } },
        { Connect, "shall-fail-unix", new[] { "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR" } },
        { Connect, "may-fail", new[] { "EACCES", "EADDRINUSE", "ECONNRESET", "EHOSTUNREACH", "EINVAL", "ELOOP", "ENAMETOOLONG", "ENETDOWN", "ENOBUFS", "EOPNOTSUPP" } },
        { SocketCall, "shall-fail", new[] { "EAFNOSUPPORT", "EMFILE", "ENFILE", "EPROTONOSUPPORT", "EPROTOTYPE" } },
        { SocketCall, "may-fail", new[] { "EACCES", "ENOBUFS", "ENOMEM" } },
    };

    [Theory]
    [MemberData(nameof(PosixLists))]
    public void PosixAttributionsMatchTheStandardsLists(string file, string attribution, string[] expected)
    {
        var actual = RepositoryCatalog.Load(file).Errors
            .Where(e => e.ListingBy("posix")?.Attributions.Any(a => a.How == attribution) == true)
            .Select(e => e.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), actual);
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void ValuesAreUniqueAndPositive(string file)
    {
        var values = RepositoryCatalog.Load(file).Errors.Select(e => e.Value).ToList();
        Assert.All(values, v => Assert.True(v > 0));
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void EveryDotNetNameIsASocketErrorMember(string file)
    {
        var wrong = RepositoryCatalog.Load(file).Errors
            .Where(e => e.DotNet is not null && !Enum.GetNames<SocketError>().Contains(e.DotNet, StringComparer.Ordinal))
            .Select(e => $"{e.Name}: {e.DotNet}")
            .ToList();
        Assert.True(wrong.Count == 0, "Not members of System.Net.Sockets.SocketError: " + string.Join(", ", wrong));
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void DotNetNamesMatchWhatThisRuntimeReportsForLinuxErrors(string file)
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
        foreach (var entry in RepositoryCatalog.Load(file).Errors.Where(e => e.CodeOn("linux") is not null))
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

        int linuxEntries = RepositoryCatalog.Load(file).Errors.Count(e => e.CodeOn("linux") is not null);
        Assert.True(compared * 2 > linuxEntries, $"Only {compared} of {linuxEntries} entries could be compared; the runtime's native error names changed.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void WinsockListingsNameTheWsaFormOfAnEntryWithAWindowsCode(string file)
    {
        var problems = new List<string>();
        foreach (var entry in RepositoryCatalog.Load(file).Errors)
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

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void ZigErrorsAndRubyClassesAreNamedInTheSourcesOwnForm(string file)
    {
        var problems = new List<string>();
        foreach (var entry in RepositoryCatalog.Load(file).Errors)
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

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void EntriesNoSourceListsCarryEvidencedQuirks(string file)
    {
        // Errors only Linux's behaviour shows (ECONNABORTED, the ICMP-driven ones, ENODEV) must say
        // how that is known.
        var unexplained = RepositoryCatalog.Load(file).Errors
            .Where(e => e.Sources.Count == 0 || e.Sources.All(s => s.Source == "zig" && s.Attributions.All(a => a.How != "error")))
            .Where(e => !e.Quirks.Any(q => q.Platforms.Contains("linux") && !string.IsNullOrWhiteSpace(q.Evidence)))
            .Select(e => e.Name)
            .ToList();
        Assert.True(unexplained.Count == 0, "Entries without a source or an evidenced Linux quirk: " + string.Join(", ", unexplained));
    }
}
