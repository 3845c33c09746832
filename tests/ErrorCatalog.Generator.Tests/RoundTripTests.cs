using System;
using System.Linq;
using System.Net.Sockets;
using System.Reflection;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// Compiles and loads the generated code of each catalog, then checks every mapping against the
/// loader's model: every code on every platform, every name and alias, every platform id.
/// </summary>
public class RoundTripTests
{
    [Theory]
    [InlineData("bind")]
    [InlineData("connect")]
    [InlineData("minimal")]
    public void EveryMappingAgreesWithTheCatalog(string name)
    {
        var path = Harness.CatalogPath(name);
        var catalog = CatalogLoader.LoadFile(path).Catalog!;
        Assert.NotNull(catalog);
        var assembly = Harness.EmitAndLoad(Harness.Run(CatalogInput.FromFile(path)).OutputCompilation);
        var ns = catalog.Info.Namespace + "." + catalog.Info.Prefix;
        var errors = assembly.GetType(ns + "Errors", throwOnError: true)!;
        var errorType = assembly.GetType(ns + "Error", throwOnError: true)!;
        var platformType = assembly.GetType(ns + "Platform", throwOnError: true)!;

        for (var p = 0; p < catalog.Platforms.Count; p++)
        {
            var platformDefinition = catalog.Platforms[p];
            var platform = Enum.ToObject(platformType, p + 1);
            Assert.Equal(platformDefinition.Symbol, platform.ToString());
            Assert.Equal(platformDefinition.Id, Call(errors, "GetPlatformId", platform));
            var parsePlatform = new object?[] { platformDefinition.Id, null };
            Assert.True((bool)Call(errors, "TryParsePlatform", parsePlatform)!);
            Assert.Equal(platform, parsePlatform[1]);

            foreach (var entry in catalog.Errors)
            {
                var error = Enum.ToObject(errorType, entry.Value);
                Assert.Equal(entry.CodeOn(platformDefinition.Id), (int?)Call(errors, "GetCode", error, platform));
                Assert.Equal(entry.CodeOn(platformDefinition.Id), (int?)Call(errors, "Get" + platformDefinition.Symbol + "Code", error));
                foreach (var (nativeName, code) in entry.NamesOn(platformDefinition.Id))
                {
                    var fromNative = new object?[] { platform, code, null };
                    Assert.True((bool)Call(errors, "TryFromNative", fromNative)!, $"{nativeName} ({code}) on {platformDefinition.Id} did not map.");
                    Assert.Equal(error, fromNative[2]);
                    Assert.Equal(platformDefinition.NativeName(nativeName), Call(errors, "GetNativeName", platform, code));
                }
            }
        }

        foreach (var entry in catalog.Errors)
        {
            var error = Enum.ToObject(errorType, entry.Value);
            Assert.Equal(entry.Symbol, error.ToString());
            Assert.Equal(entry.Name, Call(errors, "GetName", error));
            Assert.Equal(entry.Summary, Call(errors, "GetSummary", error));
            Assert.Equal(entry.Action, Call(errors, "GetAction", error));
            Assert.Equal(catalog.FindClassification(entry.Classification)!.Symbol, Call(errors, "GetClassification", error)!.ToString());
            foreach (var alias in entry.Aliases.Select(a => a.Name).Prepend(entry.Name))
            {
                var parse = new object?[] { alias, null };
                Assert.True((bool)Call(errors, "TryParse", parse)!);
                Assert.Equal(error, parse[1]);
            }

            var socketError = (SocketError)Call(errors, "ToSocketError", error)!;
            Assert.Equal(entry.DotNet is null ? SocketError.SocketError : Enum.Parse<SocketError>(entry.DotNet), socketError);
        }
    }

    private static object? Call(Type type, string method, params object?[] arguments)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method && m.GetParameters().Length == arguments.Length).ToList();
        var target = Assert.Single(candidates);
        return target.Invoke(null, arguments);
    }
}
