using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>
/// Every number the catalog gives for a platform whose headers are installed here must be what
/// the C preprocessor reads from those headers, and "absent" must mean the header does not define
/// the name, in both directions.
/// </summary>
public sealed class HeaderCrossCheckTests
{
    private static readonly string[] HeaderPlatformIds =
    {
        "linux", "linux-mips", "linux-sparc", "linux-alpha", "linux-parisc", "windows", "windows-crt",
    };

    /// <summary>Every catalog of the repository with every platform whose headers Debian ships.</summary>
    public static TheoryData<string, string> CatalogsAndHeaderPlatforms()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in RepositoryCatalog.FileNames)
        {
            foreach (var platform in HeaderPlatformIds)
            {
                data.Add(file, platform);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CatalogsAndHeaderPlatforms))]
    public void CatalogCodesMatchTheInstalledHeaders(string file, string platform)
    {
        var catalog = RepositoryCatalog.Load(file);
        Assert.NotNull(catalog.FindPlatform(platform));
        var set = HeaderProbe.Sets[platform];

        var catalogCodes = catalog.Errors
            .SelectMany(entry => RepositoryCatalog.NamesWithCodes(entry, platform))
            .ToList();
        var headerCodes = HeaderProbe.Probe(set, catalogCodes.Select(c => c.Name));

        var problems = new List<string>();
        foreach (var (name, code) in catalogCodes)
        {
            var native = set.NativeName(name);
            var defined = headerCodes.TryGetValue(name, out var headerCode);
            if (code is null && defined)
            {
                problems.Add($"{name}: the catalog says absent, but the header defines {native} = {headerCode}");
            }
            else if (code is int catalogCode && !defined)
            {
                problems.Add($"{name}: the catalog says {catalogCode}, but the header does not define {native}");
            }
            else if (code is int value && value != headerCode)
            {
                problems.Add($"{name}: the catalog says {value}, the header defines {native} = {headerCode}");
            }
        }

        Assert.True(problems.Count == 0, $"{file}: platform '{platform}' disagrees with its headers:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [SkippableFact]
    public void TheProbeSeesDefinitionsAndAbsences()
    {
        // Guards the probe itself: a known definition must come back with its value, and a name no
        // header defines must come back as undefined rather than as a number.
        var values = HeaderProbe.Probe(HeaderProbe.Sets["windows"], new[] { "ECONNREFUSED", "ECATNOSUCHNAME" });
        Assert.Equal(10061, values["ECONNREFUSED"]);
        Assert.False(values.ContainsKey("ECATNOSUCHNAME"));
    }

    [Theory]
    [InlineData("(10000 + 4)", 10004)]
    [InlineData("0x2711", 10001)]
    [InlineData("010", 8)]
    [InlineData("-(3 * 4) + 2L", -10)]
    public void IntegerExpressionsEvaluateLikeC(string text, int expected)
    {
        Assert.Equal(expected, IntegerExpression.Evaluate(text, "test"));
    }

    [Fact]
    public void AnUnexpandedMacroIsNotTakenForANumber()
    {
        Assert.ThrowsAny<Exception>(() => IntegerExpression.Evaluate("(WSABASEERR + 4)", "test"));
    }
}
